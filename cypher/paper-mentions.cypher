MATCH (p:Paper)-[m:MENTIONS]->(c:Concept)
WHERE p.id = $id
RETURN c.id AS id, c.label AS label, m.spans AS spans
ORDER BY m.score DESC
