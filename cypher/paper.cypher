MATCH (p:Paper)
WHERE p.id = $id
RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.year AS year, p.date AS date,
       p.url AS url, p.authors AS authors, p.doi AS doi, p.arxivId AS arxivId,
       p.pmid AS pmid, p.wosId AS wosId, p.keywords AS keywords
