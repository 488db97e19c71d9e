// Newest topics
// Concepts whose papers are most recent on average, among those with at least three papers.
MATCH (c:Concept)
WHERE c.papers >= 3 AND c.meanYear IS NOT NULL
RETURN c.label AS concept, c.papers AS papers, c.meanYear AS meanYear
ORDER BY meanYear DESC
LIMIT 20
