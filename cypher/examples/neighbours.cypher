// A concept's strongest neighbours
// Concepts that co-occur with it, by association strength, with their papers in common.
// @param name "catastrophic forgetting"
MATCH (c:Concept)-[e:CO_OCCURS]-(other:Concept)
WHERE c.label = $name OR $name IN c.aliases
RETURN other.label AS concept, e.papers AS papersInCommon, e.weight AS strength
ORDER BY strength DESC, concept
LIMIT 25
