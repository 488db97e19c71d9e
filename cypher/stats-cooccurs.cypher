MATCH (:Concept)-[e:CO_OCCURS]->(:Concept)
RETURN count(e) AS cooccurrences
