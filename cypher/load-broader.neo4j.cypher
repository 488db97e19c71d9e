// One batch of BROADER edges, narrower -> broader (see load-cooccurs.neo4j.cypher for MATCH then MERGE).
UNWIND $rows AS r
MATCH (n:Concept {id: r.narrower})
MATCH (b:Concept {id: r.broader})
MERGE (n)-[e:BROADER]->(b)
SET e.kind = r.kind, e.run = $run
