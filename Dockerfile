# The papergraph explorer, for `docker compose up` next to Neo4j (docker-compose.yml).
FROM node:20-slim

WORKDIR /app

# Dependencies first, so a source change does not reinstall them. Install scripts run
# in `npm rebuild` (the embedded store's native binary needs them); the package's own
# `prepare` (the web build) waits until the sources are in.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild && npm cache clean --force

COPY bin ./bin
COPY src ./src
COPY cypher ./cypher
COPY web ./web
COPY data ./data
COPY tsconfig.json ./
RUN npm run build:web --if-present

ENV NODE_ENV=production \
    PAPERGRAPH_STORE=neo4j \
    NEO4J_URI=bolt://neo4j:7687
USER node
EXPOSE 3000

# `docker compose run --rm app ingest data/sample` (or any other command) works too.
ENTRYPOINT ["node", "bin/papergraph.mjs"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3000"]
