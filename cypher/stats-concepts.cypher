MATCH (c:Concept)
RETURN count(c) AS concepts, count(DISTINCT c.community) AS communities
