// Schema of the Neo4j store. Neo4j is schema-free, so this only declares what the
// loads and reads rely on: uniqueness constraints (each backed by a range index) must
// exist before the first MERGE, or every MERGE scans the whole label.
// Spans are JSON text: neither store keeps a list of maps as a property.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE;
// One full-text index for search: concept labels and every alias (a LIST<STRING>), paper titles.
CREATE FULLTEXT INDEX papergraph_text IF NOT EXISTS FOR (n:Concept|Paper) ON EACH [n.label, n.aliases, n.title];
// Indexes populate in the background; the loads must not start before they are online.
CALL db.awaitIndexes(300);
