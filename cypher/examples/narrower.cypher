// A topic and the concepts under it
// A concept named $name (label or any alias, any case) and every concept narrower than it, up to three BROADER steps down: what papergraph takes a topic to mean. A step is found by term nesting (its words contain the broader concept's) or by subsumption (most papers on it also mention the broader one); MATCH (n)-[e:BROADER]->(c) RETURN e.kind shows which.
// @param name "dendrites"
MATCH (c:Concept)
UNWIND c.aliases AS alias
WITH c, alias
WHERE lower(alias) = lower($name)
WITH DISTINCT c
MATCH p = (n:Concept)-[:BROADER*1..3]->(c)
RETURN c.label AS topic, n.label AS narrower, n.papers AS papers, length(p) AS steps
ORDER BY steps, papers DESC, narrower
LIMIT 100
