// Where given concepts occur in given papers, with the texts: the evidence for an edge or a bridge.
MATCH (p:Paper)-[m:MENTIONS]->(c:Concept)
WHERE p.id IN $papers AND c.id IN $concepts
RETURN p.id AS paper, p.title AS title, p.abstract AS abstract, c.id AS concept, m.spans AS spans
