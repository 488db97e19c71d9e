// Written last by a write, after the prune: a new `run` here means a complete new
// graph is stored. One node under its own label, which no app query reads as data.
MERGE (g:PapergraphGraph {id: 'current'})
SET g.run = $run, g.writtenAt = datetime()
