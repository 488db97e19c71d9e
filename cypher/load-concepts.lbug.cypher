// Doubles arrive as text: a JavaScript number that happens to be whole (a betweenness
// of 0) would otherwise be typed INT64 and clash with its neighbours in the batch.
COPY Concept FROM (
  UNWIND $rows AS r
  RETURN r.id, r.label, r.aliases, r.papers, r.mentions, CAST(r.score AS DOUBLE), r.community,
         CAST(r.x AS DOUBLE), CAST(r.y AS DOUBLE), CAST(r.pagerank AS DOUBLE),
         CAST(r.betweenness AS DOUBLE), CAST(r.participation AS DOUBLE), CAST(r.meanYear AS DOUBLE),
         CAST(r.relevance AS DOUBLE), r.generic
)
