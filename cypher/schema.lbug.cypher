// Schema of the embedded store (@ladybugdb/core declares tables up front).
// Spans are JSON text: neither store keeps a list of maps as a property.
CREATE NODE TABLE Paper(id STRING PRIMARY KEY, title STRING, abstract STRING, year INT64, date STRING, url STRING, authors STRING[], source STRING, doi STRING, arxivId STRING, openalexId STRING, sources STRING[], pmid STRING, wosId STRING, keywords STRING[]);
CREATE NODE TABLE Concept(id STRING PRIMARY KEY, label STRING, aliases STRING[], papers INT64, mentions INT64, score DOUBLE, community INT64, x DOUBLE, y DOUBLE, pagerank DOUBLE, betweenness DOUBLE, participation DOUBLE, meanYear DOUBLE, relevance DOUBLE, generic BOOLEAN);
CREATE REL TABLE MENTIONS(FROM Paper TO Concept, count INT64, inTitle BOOLEAN, score DOUBLE, spans STRING);
CREATE REL TABLE CO_OCCURS(FROM Concept TO Concept, papers INT64, weight DOUBLE);
// The concept hierarchy, narrower → broader; kind: 'nesting' or 'subsumption'.
CREATE REL TABLE BROADER(FROM Concept TO Concept, kind STRING);
