// After a write, a mention without this write's stamp belongs to an older graph.
// Deleted a batch per transaction (the store loops until none is left) to bound heap use.
MATCH (:Paper)-[m:MENTIONS]->(:Concept)
WHERE m.run IS NULL OR m.run <> $run
WITH m LIMIT $limit
DELETE m
RETURN count(*) AS deleted
