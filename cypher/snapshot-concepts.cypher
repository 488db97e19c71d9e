// The explorer keeps the concept graph in memory; these snapshot-* queries load it once.
MATCH (c:Concept)
RETURN c.id AS id, c.label AS label, c.aliases AS aliases, c.papers AS papers, c.mentions AS mentions,
       c.score AS score, c.community AS community, c.x AS x, c.y AS y, c.pagerank AS pagerank,
       c.betweenness AS betweenness, c.participation AS participation, c.meanYear AS meanYear,
       c.relevance AS relevance, c.generic AS generic
ORDER BY id
