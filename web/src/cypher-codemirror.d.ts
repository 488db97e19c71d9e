// @neo4j-cypher/codemirror ships its types at src/codemirror.d.ts but its package
// "exports" map gives them no "types" condition, so TypeScript cannot find them.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
