// Every stored paper with all its fields: an ingest merges new input with these.
MATCH (p:Paper)
RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.year AS year, p.date AS date,
       p.url AS url, p.authors AS authors, p.source AS source, p.doi AS doi, p.arxivId AS arxivId,
       p.openalexId AS openalexId, p.pmid AS pmid, p.wosId AS wosId, p.keywords AS keywords,
       p.sources AS sources
ORDER BY id
