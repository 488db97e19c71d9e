// {{file}} is a CSV the store writes itself into a private temp directory: never user input.
// Lists travel as one text field, elements joined by U+001F (the unit separator, which
// cleaned text never holds; the writer refuses an element that does), split here.
COPY Paper FROM (
  LOAD WITH HEADERS (id STRING, title STRING, abstract STRING, year INT64, date STRING, url STRING, authors STRING, source STRING, doi STRING, arxivId STRING, openalexId STRING, sources STRING, pmid STRING, wosId STRING, keywords STRING)
  FROM '{{file}}' (header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', parallel = false)
  RETURN id, title, abstract, year, date, url,
         CASE WHEN authors IS NULL THEN CAST([] AS STRING[]) ELSE string_split(authors, '\u001f') END,
         source, doi, arxivId, openalexId,
         CASE WHEN sources IS NULL THEN CAST([] AS STRING[]) ELSE string_split(sources, '\u001f') END,
         pmid, wosId,
         CASE WHEN keywords IS NULL THEN CAST([] AS STRING[]) ELSE string_split(keywords, '\u001f') END
)
