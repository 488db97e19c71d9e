MATCH (a:Concept)-[e:CO_OCCURS]->(b:Concept)
RETURN a.id AS source, b.id AS target, e.papers AS papers, e.weight AS weight
