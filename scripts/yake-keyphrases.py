"""YAKE (Campos et al. 2020, "YAKE! Keyword extraction from single documents using
multiple local features", Information Sciences 509) as a side-by-side baseline for
scripts/eval-extract.ts. Optional and never a dependency of papergraph:

    pip install yake==0.7.3      (pure Python; downloads no model)

Reads JSONL {id, title, abstract} on stdin, writes JSONL {id, keys} (best first)."""
import json
import sys

import yake

extractor = yake.KeywordExtractor(lan="en", n=3, top=15)
for line in sys.stdin:
    if not line.strip():
        continue
    doc = json.loads(line)
    text = f"{doc.get('title') or ''}.\n\n{doc.get('abstract') or ''}"
    keys = [phrase for phrase, _score in extractor.extract_keywords(text)]
    print(json.dumps({"id": doc["id"], "keys": keys}))
