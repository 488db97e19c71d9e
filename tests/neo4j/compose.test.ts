// docker-compose.yml is the one command between a user and a working Neo4j: it is
// checked here because no Docker engine runs on the development machines.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
}
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const neo4j = compose.services.neo4j;

/** Container ports a service publishes, from "host:container", "ip:host:container" or "port". */
const containerPorts = (service: Service) => (service.ports ?? []).map((p) => Number(String(p).split(':').pop()));

describe('docker-compose.yml', () => {
  it('runs Neo4j 5 Community', () => {
    expect(neo4j.image).toMatch(/^neo4j:5\.\d+(\.\d+)?-community$/);
  });

  it('publishes Neo4j Browser (7474) and Bolt (7687)', () => {
    expect(containerPorts(neo4j)).toEqual(expect.arrayContaining([7474, 7687]));
  });

  it('checks health over Bolt with cypher-shell and the configured password', () => {
    const test = [neo4j.healthcheck?.test ?? []].flat().join(' ');
    expect(test).toMatch(/cypher-shell/);
    expect(test).toMatch(/bolt:\/\/localhost:7687/);
    // `$$` is compose's escape: the shell inside the container sees the variable.
    expect(test).toMatch(/\$\$\{?NEO4J_AUTH/);
  });

  it('keeps data and logs in named volumes it declares', () => {
    const named = (neo4j.volumes ?? []).map((v) => v.split(':')).filter(([source]) => !source.startsWith('.') && !source.startsWith('/'));
    const mounts = Object.fromEntries(named.map(([source, target]) => [target, source]));
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining([mounts['/data'], mounts['/logs']]));
    expect(mounts['/data']).toBeTruthy();
    expect(mounts['/logs']).toBeTruthy();
  });

  it('takes the password from NEO4J_PASSWORD with the documented local default', () => {
    expect(neo4j.environment?.NEO4J_AUTH).toBe('neo4j/${NEO4J_PASSWORD:-papergraph-local}');
  });

  it('locks Neo4j down as README "Your own Neo4j server" says: no plugin procedures, no LOAD CSV from files, server-side caps', () => {
    expect(neo4j.environment).toMatchObject({
      NEO4J_dbms_security_procedures_allowlist: 'db.*',
      NEO4J_dbms_security_allow__csv__import__from__file__urls: 'false',
    });
    expect(neo4j.environment).toHaveProperty('NEO4J_db_transaction_timeout');
    expect(neo4j.environment).toHaveProperty('NEO4J_db_memory_transaction_max');
  });

  it('caps Neo4j memory for a laptop', () => {
    expect(neo4j.environment).toHaveProperty('NEO4J_server_memory_heap_max__size');
    expect(neo4j.environment).toHaveProperty('NEO4J_server_memory_pagecache_size');
  });

  it('starts the app against Neo4j only once Neo4j is healthy, listening inside the container', () => {
    const app = compose.services.app;
    expect(app.environment).toMatchObject({ PAPERGRAPH_STORE: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687', NEO4J_PASSWORD: '${NEO4J_PASSWORD:-papergraph-local}' });
    expect(app.depends_on?.neo4j.condition).toBe('service_healthy');
    expect(app.command).toEqual(expect.arrayContaining(['serve', '--host', '0.0.0.0']));
    expect(containerPorts(app)).toContain(3000);
  });

});
