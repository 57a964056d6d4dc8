import { describe, expect, it } from 'vitest';
import { PublicAnswerCache, queryKey } from '../../src/server/open311/answer-cache';

describe('the shared answer to identical public reads', () => {
  it('computes once for reads that arrive while it runs and within the time to live, then again', async () => {
    let now = 0;
    const cache = new PublicAnswerCache(1_500, 1_000, () => now);
    let computed = 0;
    let finish: (text: string) => void = () => {};
    const compute = () => {
      computed += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const during = [cache.answer('k', compute), cache.answer('k', compute)];
    now = 10_000; // however long the computation takes, reads meanwhile wait for it
    const late = cache.answer('k', compute);
    finish('a');
    expect(await Promise.all([...during, late])).toEqual(['a', 'a', 'a']);
    expect(computed).toBe(1);

    now += 1_499;
    expect(await cache.answer('k', compute)).toBe('a');
    now += 1;
    const next = cache.answer('k', compute);
    finish('b');
    expect(await next).toBe('b');
    expect(computed).toBe(2);
  });

  it('forgets every answer when told, also one being computed, so the next read asks again', async () => {
    const cache = new PublicAnswerCache(60_000);
    expect(await cache.answer('done', () => Promise.resolve('old'))).toBe('old');
    let finish: (text: string) => void = () => {};
    const running = cache.answer('running', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.clear();
    finish('old');
    expect(await running).toBe('old');
    expect(await cache.answer('done', () => Promise.resolve('new'))).toBe('new');
    expect(await cache.answer('running', () => Promise.resolve('new'))).toBe('new');
  });

  it('keeps no failure: the next read computes afresh', async () => {
    const cache = new PublicAnswerCache(1_500);
    await expect(cache.answer('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cache.answer('k', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('holds at most its number of entries, making room from the expired ones', async () => {
    let now = 0;
    const cache = new PublicAnswerCache(1_000, 2, () => now);
    let computed = 0;
    const compute = () => Promise.resolve(String(++computed));
    await cache.answer('a', compute);
    await cache.answer('b', compute);
    await cache.answer('c', compute); // full: answered, not kept
    expect(await cache.answer('c', compute)).toBe('4');
    expect(await cache.answer('a', compute)).toBe('1');
    now = 1_000;
    await cache.answer('c', compute); // a and b expired and make room
    expect(await cache.answer('c', compute)).toBe('5');
  });

  it('keys lists by their items, not their order or repetition, and keeps other parts apart', () => {
    expect(queryKey({ format: 'json', statuses: ['open', 'closed', 'open'] })).toBe(
      queryKey({ format: 'json', statuses: ['closed', 'open'] }),
    );
    expect(queryKey({ format: 'json', page: 1 })).not.toBe(queryKey({ format: 'xml', page: 1 }));
    expect(queryKey({ format: 'json', start: null })).not.toBe(queryKey({ format: 'json', start: 'null' }));
  });
});
