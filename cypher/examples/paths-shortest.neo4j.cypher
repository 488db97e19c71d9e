// Shortest paths between two concepts
// Every shortest chain concept – paper – concept – … – paper – concept over MENTIONS between the concepts with ids $a and $b, up to 6 hops. Concepts in more than 10 papers are skipped as hubs (edit the number to change it).
// @param a "spike timing dependent plasticity"
// @param b "catastrophic forgetting"
MATCH (ca:Concept {id: $a}), (cb:Concept {id: $b})
MATCH p = allShortestPaths((ca)-[:MENTIONS*..6]-(cb))
WHERE all(n IN nodes(p)[1..-1] WHERE NOT n:Concept OR n.papers <= 10)
RETURN length(p) AS hops, [x IN nodes(p) | coalesce(x.title, x.label)] AS chain, p
LIMIT 50
