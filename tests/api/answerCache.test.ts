// Answers kept per read model (src/server/answerCache.ts): a kept answer is not computed
// again, the cache holds at most its bytes (least recently used dropped first), a
// failed computation leaves nothing, and another read model has its own answers and validator.
import { describe, expect, it } from 'vitest';
import { cachedAnswer } from '../../src/server/answerCache.ts';

describe('answer cache', () => {
  it('computes each answer once while it fits, dropping the least recently used beyond the bound', () => {
    const graph = {};
    const computed: string[] = [];
    const ask = (key: string, maxBytes = 40) => cachedAnswer(graph, key, maxBytes, () => (computed.push(key), { key: key.padEnd(5) })).body.toString();
    expect(ask('a')).toBe('{"key":"a    "}');
    ask('b');
    ask('a');
    expect(computed).toEqual(['a', 'b']);
    // 15 bytes each: a third answer exceeds 40, so the least recently used ("b") goes.
    ask('c');
    ask('a');
    ask('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
    ask('x', 0);
    ask('x', 0);
    expect(computed.filter((k) => k === 'x')).toHaveLength(2);
  });

  it('keeps nothing of a computation that throws, and gives each read model its own answers and validator', () => {
    const one = {};
    const two = {};
    expect(() => cachedAnswer(one, 'k', 1000, () => { throw new Error('unknown concept'); })).toThrow('unknown concept');
    expect(cachedAnswer(one, 'k', 1000, () => 1).body.toString()).toBe('1');
    const other = cachedAnswer(two, 'k', 1000, () => 2);
    expect(other.body.toString()).toBe('2');
    expect(other.etag).not.toBe(cachedAnswer(one, 'k', 1000, () => 3).etag);
  });
});
