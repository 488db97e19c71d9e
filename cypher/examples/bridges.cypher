// Papers that bridge two topics
// Papers mentioning a concept named $a or one narrower than it (label or any alias, any case; up to three BROADER steps down), and one named $b or narrower: a row per pair of concepts a paper joins. Rarer concepts make stronger bridges, so papers on rare concepts and with the topics in their title come first.
// @param a "STDP"
// @param b "SNNs"
MATCH (ca:Concept)
UNWIND ca.aliases AS aliasA
WITH ca, aliasA
WHERE lower(aliasA) = lower($a)
WITH DISTINCT ca
MATCH (na:Concept)-[:BROADER*0..3]->(ca)
WITH collect(DISTINCT na) AS sideA
MATCH (cb:Concept)
UNWIND cb.aliases AS aliasB
WITH sideA, cb, aliasB
WHERE lower(aliasB) = lower($b)
WITH DISTINCT sideA, cb
MATCH (nb:Concept)-[:BROADER*0..3]->(cb)
WITH sideA, collect(DISTINCT nb) AS sideB
UNWIND sideA AS na
MATCH (na)<-[ma:MENTIONS]-(p:Paper)
WITH sideB, na, ma, p
UNWIND sideB AS nb
MATCH (p)-[mb:MENTIONS]->(nb)
WHERE na.id <> nb.id
RETURN p.id AS paper, p.title AS title, p.year AS year, na.label AS viaA, nb.label AS viaB,
       na.papers AS papersA, nb.papers AS papersB, (ma.inTitle OR mb.inTitle) AS inTitle
ORDER BY inTitle DESC, papersA * papersB ASC, year DESC
LIMIT 25
