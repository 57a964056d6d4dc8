import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { defaultReferenceData } from '../../src/server/reference/reference-data';
import { buildKbIndex, type KbIndex, rankArticles, type Searchable } from '../../src/shared/domain/kb-match';
import { entriesOf } from '../../src/shared/domain/reference';
import { seededRandom } from '../../src/server/seed/random';

// The knowledge base and catalogue every centre starts with, as the workstation caches them.
const reference = defaultReferenceData();
const articles = entriesOf(reference, 'article').map((e) => ({ code: e.code, ...e.body }));
const categories = entriesOf(reference, 'category').map((e) => ({ code: e.code, ...e.body }));
const index = buildKbIndex(articles, categories);
const found = (query: string, category?: string) => rankArticles(index, query, category).map((a) => a.code);

describe('knowledge-base search on the real articles', () => {
  it('finds what a caller asks in their words: 暖气, 几度, and pinyin initials', () => {
    expect(found('暖气').slice(0, 2)).toEqual(expect.arrayContaining(['kb-heating-not-warm']));
    expect(found('暖气')).toEqual(expect.arrayContaining(['kb-heating-standard', 'kb-heating-season', 'kb-heating-leak']));
    expect(found('暖气').every((code) => code.startsWith('kb-heating-'))).toBe(true);
    expect(found('几度')[0]).toBe('kb-heating-standard');
    expect(found('gjj').slice(0, 2).sort()).toEqual(['kb-housing-fund-loan', 'kb-housing-fund-withdrawal']);
    expect(found('gjj')).toHaveLength(2);
    expect(found('gongjijin')).toHaveLength(2);
  });

  it('answers one- and two-character Chinese queries, the title first', () => {
    expect(found('室温')[0]).toBe('kb-heating-standard');
    expect(found('暖')).toEqual(expect.arrayContaining(['kb-heating-season', 'kb-heating-standard']));
    expect(found('噪音').slice(0, 2).sort()).toEqual(['kb-night-construction', 'kb-renovation-noise']);
    expect(found('社保')[0]).toBe('kb-social-security-card');
    expect(found('电梯')[0]).toBe('kb-elevator-trapped');
    expect(found('违章')[0]).toBe('kb-traffic-violation');
    expect(found('户口')[0]).toBe('kb-hukou-settlement');
  });

  it('ranks a whole question by its pairs, and finds nothing for text no article is about', () => {
    expect(found('公积金怎么提取')[0]).toBe('kb-housing-fund-withdrawal');
    expect(found('暖气不热怎么办')[0]).toBe('kb-heating-not-warm');
    expect(found('夜里工地施工太吵')[0]).toBe('kb-night-construction');
    expect(found('没有这样的文章')).toEqual([]);
    expect(found('96777')).toEqual(['kb-gas-leak']);
    expect(found('provident fund').sort()).toEqual(['kb-housing-fund-loan', 'kb-housing-fund-withdrawal']);
  });

  it("puts the ticket's category first among near equals", () => {
    expect(found('办理', 'civil.documents')[0]).toBe('kb-residence-permit');
    expect(found('', 'heating.fee')[0]).toBe('kb-heating-fee');
  });
});

/** Articles shaped like real ones: real sentences in new mixes, each in a category of the catalogue. */
function syntheticArticles(count: number): Searchable[] {
  const { pick } = seededRandom(19);
  const leaves = categories.filter((c) => c.parent);
  return Array.from({ length: count }, (_, i) => {
    const [a, b] = [pick(articles), pick(articles)];
    const leaf = pick(leaves);
    return {
      code: `kb-synthetic-${i}`,
      category: leaf.code,
      titleZh: `${leaf.zh}：${a.titleZh}`,
      titleEn: `${leaf.en}: ${a.titleEn}`,
      bodyZh: `${a.bodyZh}${b.bodyZh}`,
      bodyEn: `${a.bodyEn} ${b.bodyEn}`,
    };
  });
}

const queries = [
  '暖气',
  '几度',
  'gjj',
  '室温',
  '暖',
  '公积金怎么提取',
  '噪音 夜间',
  'heating',
  '没有这样的文章',
  'sb',
  '12333',
  '电梯困人',
];

function medianMs(search: KbIndex<Searchable>, rounds: number): number {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      rankArticles(search, query);
      times.push(performance.now() - start);
    }
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}

describe('knowledge-base search time', () => {
  it('answers in well under a keystroke, over the real articles and over 1,000 more', () => {
    const startBuild = performance.now();
    const large = buildKbIndex([...articles, ...syntheticArticles(1000)], categories);
    const buildMs = performance.now() - startBuild;
    medianMs(index, 5); // warm up
    const real = medianMs(index, 50);
    const thousand = medianMs(large, 20);
    console.log(
      `kb search median: ${real.toFixed(3)} ms over ${articles.length} articles, ${thousand.toFixed(3)} ms over ${large.articles.length}; index of ${large.articles.length} built in ${buildMs.toFixed(0)} ms`,
    );
    expect(rankArticles(large, '几度').length).toBeGreaterThan(0);
    // Generous bounds on a shared two-core machine: a keystroke is ~100 ms.
    expect(real).toBeLessThan(5);
    expect(thousand).toBeLessThan(20);
  });
});
