// {{file}} is a CSV the store writes itself into a private temp directory: never user input.
// Aliases travel as one text field joined by U+001F, as in load-papers.
COPY Concept FROM (
  LOAD WITH HEADERS (id STRING, label STRING, aliases STRING, papers INT64, mentions INT64, score DOUBLE, community INT64, x DOUBLE, y DOUBLE, pagerank DOUBLE, betweenness DOUBLE, participation DOUBLE, meanYear DOUBLE, relevance DOUBLE, generic BOOLEAN)
  FROM '{{file}}' (header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', parallel = false)
  RETURN id, label,
         CASE WHEN aliases IS NULL THEN CAST([] AS STRING[]) ELSE string_split(aliases, '\u001f') END,
         papers, mentions, score, community, x, y, pagerank, betweenness, participation, meanYear, relevance, generic
)
