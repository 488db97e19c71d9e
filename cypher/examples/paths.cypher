// Papers connected through a shared concept
// When no paper mentions both $a and $b: the concepts shared by a paper on each topic, with those papers (Swanson's ABC model). Concepts in more than $maxPapers papers are skipped as hubs; the rarest shared concepts come first.
// @param a "STDP"
// @param b "catastrophic forgetting"
// @param maxPapers 10
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
MATCH (ca)<-[:MENTIONS]-(pa:Paper)-[:MENTIONS]->(via:Concept)
WHERE via.papers <= $maxPapers AND via.id <> ca.id AND via.id <> cb.id
WITH cb, via, collect(DISTINCT pa.title) AS papersA
MATCH (via)<-[:MENTIONS]-(pb:Paper)-[:MENTIONS]->(cb)
WITH via.label AS shared, via.papers AS sharedPapers, papersA, collect(DISTINCT pb.title) AS papersB
RETURN shared, sharedPapers, papersA, papersB
ORDER BY sharedPapers ASC, shared ASC
LIMIT 50
