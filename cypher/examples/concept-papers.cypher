// Papers about a concept
// Every paper mentioning a concept, found by any of its aliases, titles first.
// @param name "STDP"
MATCH (c:Concept)<-[m:MENTIONS]-(p:Paper)
WHERE c.label = $name OR $name IN c.aliases
RETURN p.title AS title, p.year AS year, m.inTitle AS inTitle, m.count AS mentions
ORDER BY inTitle DESC, mentions DESC
LIMIT 50
