// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Paths,
// parameters and errors are written here, next to the routes they describe; every
// response body schema comes from openapi.schemas.json, which scripts/openapi-schemas.ts
// generates from the response types in src/graph/model.ts (the module web/ imports), so
// no type is written twice. tests/api/openapi.test.ts checks that file is current, that
// every route of app.ts is described, and validates the API suite's responses against
// this document.
import { readFileSync } from 'node:fs';
import { OVERVIEW_DEFAULTS } from '../explore/overview.ts';

const schemas = JSON.parse(readFileSync(new URL('./openapi.schemas.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type Param = { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: Record<string, unknown> };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const int = (minimum: number, maximum: number, fallback?: number) => ({ type: 'integer', minimum, maximum, ...(fallback === undefined ? {} : { default: fallback }) });
const query = (name: string, description: string, schema: Record<string, unknown>, required = false): Param => ({ name, in: 'query', required, description, schema });
const pathId = (description: string, schema: Record<string, unknown> = { type: 'string', minLength: 1, maxLength: 500 }): Param => ({ name: 'id', in: 'path', required: true, description, schema });

const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('ApiError'), description);
const ERRORS = {
  400: error('Bad input: a parameter is missing or out of range (the message names it).'),
  421: error('The request named a Host this server does not answer for.'),
  500: error('An unexpected fault; the details are in the server log, never in the answer.'),
};
const NOT_FOUND = { 404: error('No concept, paper or community with that id.') };

function get(summary: string, body: string, description: string, parameters: Param[] = [], extra: Record<number, unknown> = {}) {
  return { get: { summary, description, parameters, responses: { 200: json(ref(body), summary), ...ERRORS, ...extra } } };
}

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'papergraph HTTP API',
      version: '1',
      description:
        'The API the explorer is built on, for scripts too. JSON in and out; graphs travel in graphology\'s serialized format ' +
        '(`Graph.from()` reads them). Errors are `{"error": {"code", "message"}}` with a fitting status, never a stack trace. ' +
        'The server binds 127.0.0.1 and answers only its own Host names.',
    },
    servers: [{ url: '/', description: 'the papergraph server that serves this document' }],
    paths: {
      '/api/health': get('Store kind and counts', 'HealthResponse', 'What the server is serving: the store kind and its paper, concept and mention counts.'),
      '/api/search': get('Search concepts (every alias) and paper titles', 'SearchResponse', 'Concepts by any of their aliases and papers by title, best first.', [
        query('q', 'The text to find.', { type: 'string', minLength: 1, maxLength: 200 }, true),
        query('limit', 'Most results.', int(1, 100, 10)),
      ]),
      '/api/overview': {
        get: {
          summary: 'The concept map',
          description:
            'The top concepts in columns (ids, labels, positions, sizes, communities, papers per year) and their co-occurrence edges as pairs of places in those columns; computed and compressed (brotli, gzip) once per graph, sent in the encoding Accept-Encoding allows, with a weak ETag: If-None-Match with it answers 304.',
          parameters: [
            query('by', 'Rank concepts by papers or PageRank.', { type: 'string', enum: ['papers', 'pagerank'], default: OVERVIEW_DEFAULTS.by }),
            query('limit', 'Concepts on the map.', int(1, 10_000, OVERVIEW_DEFAULTS.limit)),
            query('edges', 'Strongest edges kept per concept.', int(1, 200, OVERVIEW_DEFAULTS.maxEdgesPerNode)),
          ],
          responses: {
            200: { ...json(ref('OverviewResponse'), 'The concept map'), headers: { ETag: { schema: { type: 'string' } }, 'Content-Encoding': { schema: { type: 'string', enum: ['br', 'gzip'] } } } },
            304: { description: 'The copy the client holds (If-None-Match) is current; no body.' },
            ...ERRORS,
          },
        },
      },
      '/api/concepts/{id}': get('A concept', 'ConceptResponse', 'A concept with its aliases, relevance, top papers, broader and narrower concepts, and related concepts.', [pathId('The concept id (its canonical key).')], NOT_FOUND),
      '/api/concepts/{id}/neighbourhood': get('A concept\'s neighbourhood', 'NeighbourhoodResponse', 'The concept, its neighbours (one or two hops), the CO_OCCURS edges among them and papers mentioning the concept, in columns.', [
        pathId('The concept id.'),
        query('depth', 'Hops.', int(1, 2, 1)),
        query('limit', 'Most neighbour concepts.', int(1, 200, 30)),
        query('papers', 'Most papers.', int(0, 200, 15)),
      ], NOT_FOUND),
      '/api/concepts/{id}/papers': get('Every paper behind a concept\'s count', 'ConceptPapersResponse', 'The papers mentioning a concept, a page at a time.', [
        pathId('The concept id.'),
        query('offset', 'Papers to skip.', int(0, 10_000_000, 0)),
        query('limit', 'Papers in this page.', int(1, 500, 50)),
      ], NOT_FOUND),
      '/api/papers/{id}': get('A paper', 'PaperResponse', 'A paper\'s text, ids, authors, keywords and every concept it mentions with the spans to highlight.', [pathId('The paper id (`doi:…`, `arxiv:…`, `pmid:…`…).')], NOT_FOUND),
      '/api/evidence': get('The papers behind an edge', 'EdgeEvidenceResponse', 'Papers that mention both concepts, each with the sentence where they meet.', [
        query('a', 'A concept id.', { type: 'string', minLength: 1, maxLength: 500 }, true),
        query('b', 'Another concept id.', { type: 'string', minLength: 1, maxLength: 500 }, true),
        query('limit', 'Most papers.', int(1, 200, 50)),
      ], NOT_FOUND),
      '/api/communities/{id}': get('A community of the concept map', 'CommunityResponse', 'Its label, most distinctive concepts and papers.', [pathId('The community number.', int(0, 1_000_000))], NOT_FOUND),
      '/api/bridges': get('Papers that connect two topics', 'BridgesResponse', 'Direct bridges, connecting paths and structural bridges between two topics (a concept with its narrower concepts, free text or `community:N`).', [
        query('a', 'The first topic.', { type: 'string', minLength: 1, maxLength: 200 }, true),
        query('b', 'The second topic.', { type: 'string', minLength: 1, maxLength: 200 }, true),
        query('limit', 'Most results per part.', int(1, 100, 10)),
      ], { 404: error('A topic matches no concept.') }),
      '/api/topics': get('The papers of a topic', 'TopicPapersResponse', 'What a topic was taken to mean (a concept and its narrower concepts, free text or `community:N`, with a note naming them) and its papers, a page at a time, most central first.', [
        query('q', 'The topic.', { type: 'string', minLength: 1, maxLength: 200 }, true),
        query('offset', 'Papers to skip.', int(0, 10_000_000, 0)),
        query('limit', 'Papers in this page.', int(1, 500, 50)),
      ], { 404: error('The topic matches no concept.') }),
      '/api/examples': get('Example Cypher queries', 'ExamplesResponse', 'The queries of cypher/examples/, with parameters that work on the sample corpus.'),
      '/api/cypher': {
        post: {
          summary: 'Run a read-only Cypher query',
          description: 'Checked by an allow-list over a real parse before it runs; time-, row-, byte- and memory-limited. A request from a browser must come from the explorer\'s own origin.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['query'],
                  additionalProperties: false,
                  properties: { query: { type: 'string', maxLength: 20_000 }, params: { type: 'object', description: 'Query parameters, `$name` in the query.' } },
                },
              },
            },
          },
          responses: {
            200: json(ref('CypherResponse'), 'Columns, rows (cut at the row or byte limit: `truncatedBy` says which), and the nodes and relationships of the result'),
            ...ERRORS,
            400: error('Not JSON, no query, a syntax error, a missing parameter, or a query over the length, nesting or memory limits (`too_complex`).'),
            403: error('The query uses a clause, function or procedure the console does not allow (the message names it), or the request came from another site\'s page.'),
            413: error('The request body is over 100 kB.'),
            500: error('The query crashed the console process (`crashed`); other queries are not affected.'),
            503: error('The store cannot be reached, or the console is busy (`busy`).'),
            504: error('The query ran past the time limit and was stopped.'),
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', description: 'The OpenAPI 3.1 description of this API.', parameters: [], responses: { 200: json({ type: 'object' }, 'This document') } } },
    },
    components: { schemas },
  };
}
