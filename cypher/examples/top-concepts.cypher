// The most studied concepts
// Concepts by the number of papers that mention them.
MATCH (c:Concept)<-[:MENTIONS]-(p:Paper)
RETURN c.label AS concept, count(p) AS papers
ORDER BY papers DESC
LIMIT 25
