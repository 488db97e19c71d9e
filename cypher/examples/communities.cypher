// Communities of the concept map
// Each Louvain community with its size and its most-mentioned concepts.
MATCH (c:Concept)
WITH c.community AS community, count(c) AS size, max(c.papers) AS topPapers
MATCH (top:Concept)
WHERE top.community = community AND top.papers = topPapers
RETURN community, size, collect(top.label) AS topConcepts
ORDER BY size DESC
LIMIT 20
