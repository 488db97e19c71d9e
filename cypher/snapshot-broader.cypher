// The concept hierarchy, for topics (a concept and its narrower concepts) and the concept panel.
MATCH (n:Concept)-[e:BROADER]->(b:Concept)
RETURN n.id AS narrower, b.id AS broader, e.kind AS kind
