// {{file}} is a CSV the store writes itself into a private temp directory: never user input.
// The same CSV dialect as load-cooccurs.lbug.cypher, for the same reasons.
COPY BROADER FROM '{{file}}' (header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', parallel = false)
