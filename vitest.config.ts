import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A real Neo4j 5 when PAPERGRAPH_NEO4J=1 (or NEO4J_URI): see tests/neo4j/server.
    globalSetup: ['tests/neo4j/server/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: browser and store tests fight for them when run wide.
    maxWorkers: 2,
  },
});
