MATCH (:Paper)-[m:MENTIONS]->(:Concept)
RETURN count(m) AS mentions
