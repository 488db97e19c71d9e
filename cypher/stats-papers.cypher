MATCH (p:Paper)
RETURN count(p) AS papers, coalesce(sum(size(p.sources)), 0) AS records
