// See prune-mentions.neo4j.cypher.
MATCH (:Concept)-[e:BROADER]->(:Concept)
WHERE e.run IS NULL OR e.run <> $run
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS deleted
