// One batch of concepts: see load-papers.neo4j.cypher.
UNWIND $rows AS r
MERGE (c:Concept {id: r.id})
SET c += r, c.run = $run
