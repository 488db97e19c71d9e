// Papers that bridge two topics
// Papers mentioning a concept named $a and another named $b (label or any alias, any case). Rarer concepts make stronger bridges, so papers on rare concepts and with the topics in their title come first.
// @param a "STDP"
// @param b "SNNs"
MATCH (ca:Concept)
UNWIND ca.aliases AS aliasA
WITH ca, aliasA
WHERE lower(aliasA) = lower($a)
WITH DISTINCT ca
MATCH (cb:Concept)
UNWIND cb.aliases AS aliasB
WITH ca, cb, aliasB
WHERE lower(aliasB) = lower($b) AND ca.id <> cb.id
WITH DISTINCT ca, cb
MATCH (ca)<-[ma:MENTIONS]-(p:Paper)-[mb:MENTIONS]->(cb)
RETURN p.id AS paper, p.title AS title, p.year AS year, ca.label AS viaA, cb.label AS viaB,
       ca.papers AS papersA, cb.papers AS papersB, (ma.inTitle OR mb.inTitle) AS inTitle
ORDER BY inTitle DESC, papersA * papersB ASC, year DESC
LIMIT 25
