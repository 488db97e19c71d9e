// Whether anything was ingested: Neo4j answers an empty database with empty results,
// and the app tells "no graph yet" (run an ingest) apart from "no match".
MATCH (p:Paper)
RETURN p.id AS id
LIMIT 1
