// One batch of papers. `+=` replaces every field the row carries and a null removes
// one, so a re-run converges; `run` marks what this write touched (see prune-*).
UNWIND $rows AS r
MERGE (p:Paper {id: r.id})
SET p += r, p.run = $run
