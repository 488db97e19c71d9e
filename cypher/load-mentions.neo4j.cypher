// One batch of mentions. Both ends are MATCHed (the id constraints make that an index
// seek) so a mention never creates a bare node; MERGE keeps one edge per pair.
UNWIND $rows AS r
MATCH (p:Paper {id: r.paper})
MATCH (c:Concept {id: r.concept})
MERGE (p)-[m:MENTIONS]->(c)
SET m.count = r.count, m.inTitle = r.inTitle, m.score = r.score, m.spans = r.spans, m.run = $run
