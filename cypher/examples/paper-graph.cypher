// A paper and its concepts, as a graph
// Returns nodes and relationships, so the explorer draws them.
// @param title "Perforated Backpropagation"
MATCH (p:Paper)-[m:MENTIONS]->(c:Concept)
WHERE p.title STARTS WITH $title
RETURN p, m, c
LIMIT 40
