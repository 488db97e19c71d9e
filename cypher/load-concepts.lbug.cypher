COPY Concept FROM (
  UNWIND $rows AS r
  RETURN r.id, r.label, r.aliases, r.papers, r.mentions, r.score, r.community, r.x, r.y, r.pagerank, r.betweenness, r.participation, r.meanYear
)
