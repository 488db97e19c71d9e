// Abstracts stay in the store; the explorer fetches them per paper.
MATCH (p:Paper)
RETURN p.id AS id, p.title AS title, p.year AS year, p.url AS url
ORDER BY id
