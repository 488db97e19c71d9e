// {{file}} is a CSV the store writes itself into a private temp directory: never user input.
// The dialect is spelt out: left to auto-detection, LadybugDB guessed ' as the quote
// character from ids like "microsoft's c" and misread the rest of the file. Serial
// parsing, because the parallel reader splits the file at byte offsets regardless of quotes.
COPY MENTIONS FROM '{{file}}' (header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', parallel = false)
