// One batch of co-occurrences, directed source -> target with source < target as the
// graph model stores them, so MERGE finds the one edge of a pair whichever way it is read.
UNWIND $rows AS r
MATCH (a:Concept {id: r.source})
MATCH (b:Concept {id: r.target})
MERGE (a)-[e:CO_OCCURS]->(b)
SET e.papers = r.papers, e.weight = r.weight, e.run = $run
