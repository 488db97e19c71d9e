// Concepts the new graph no longer has. DETACH also drops any edge left on them.
MATCH (c:Concept)
WHERE c.run IS NULL OR c.run <> $run
WITH c LIMIT $limit
DETACH DELETE c
RETURN count(*) AS deleted
