// Shortest paths between two concepts
// Every shortest chain concept – paper – concept – … – paper – concept over MENTIONS between the concepts with ids $a and $b, up to 6 hops. Concepts in more than 10 papers are skipped as hubs (edit the number to change it). This file is LadybugDB's syntax; Neo4j runs paths-shortest.neo4j.cypher.
// @param a "spike timing dependent plasticity"
// @param b "catastrophic forgetting"
MATCH (ca:Concept), (cb:Concept)
WHERE ca.id = $a AND cb.id = $b
MATCH p = (ca)-[:MENTIONS* ALL SHORTEST 1..6 (r, n | WHERE n.papers IS NULL OR n.papers <= 10)]-(cb)
RETURN length(p) AS hops, list_transform(nodes(p), x -> coalesce(x.title, x.label)) AS chain, p
LIMIT 50
