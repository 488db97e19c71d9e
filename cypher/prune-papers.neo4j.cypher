// Papers the new graph no longer has. DETACH also drops any edge left on them.
MATCH (p:Paper)
WHERE p.run IS NULL OR p.run <> $run
WITH p LIMIT $limit
DETACH DELETE p
RETURN count(*) AS deleted
