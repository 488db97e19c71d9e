// Every MENTIONS edge with its spans: for exports.
MATCH (p:Paper)-[m:MENTIONS]->(c:Concept)
RETURN p.id AS paper, c.id AS concept, m.count AS count, m.inTitle AS inTitle, m.score AS score, m.spans AS spans
