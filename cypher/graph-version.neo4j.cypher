// The stamp of the last complete write (see mark-graph-version): the server polls it
// to notice that an ingest stored a new graph. No row before the first ingest.
MATCH (g:PapergraphGraph {id: 'current'})
RETURN g.run AS run
