// {{file}} is a CSV the store writes itself into a private temp directory: never user input.
COPY MENTIONS FROM '{{file}}' (header = true)
