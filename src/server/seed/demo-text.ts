import messages from '../../../resources/demo/citizen-messages.json';
import { categoryGroups } from '../reference/catalogue/categories';
import type { Random } from './random';

/**
 * What the demo's callers say: real citizens' messages (resources/demo/citizen-messages.json, made
 * by scripts/gen-demo-messages.ts), each labelled by government staff with one of seven level-1
 * categories. A ticket's text is a message of the label its category belongs to, and where that
 * label holds messages naming the category's own words, one of those.
 */
export const labelOfGroup: Record<string, string> = {
  heating: '城乡建设',
  water: '城乡建设',
  power: '城乡建设',
  gas: '城乡建设',
  noise: '环境保护',
  property: '城乡建设',
  labor: '劳动和社会保障',
  traffic: '交通运输',
  parking: '交通运输',
  sanitation: '城乡建设',
  environment: '环境保护',
  urban: '城乡建设',
  education: '教育文体',
  health: '卫生计生',
  housing: '城乡建设',
  consumer: '商贸旅游',
  civil: '劳动和社会保障',
  greening: '城乡建设',
  safety: '城乡建设',
  telecom: '商贸旅游',
};
// Where the publisher's staff filed a topic under another label than its catalogue group suggests.
const labelOfLeaf: Record<string, string> = { 'health.medical-insurance': '劳动和社会保障' };

/** The label whose messages a category's tickets are written from. */
export function labelOf(category: string): string {
  return labelOfLeaf[category] ?? labelOfGroup[category.split('.')[0]!] ?? '城乡建设';
}

/** The words that say a message is about a category: its name and its keywords of two characters or more. */
export function wordsOf(zh: string, keywords: string): string[] {
  return [zh, ...keywords.split(' ')].filter((w) => w.length >= 2);
}

/** Fewer keyword matches than this and the whole label's messages are used instead. */
export const minMatches = 3;

function buildPool(): Map<string, string[]> {
  const byLabel: Record<string, string[]> = messages.labels;
  const pool = new Map<string, string[]>();
  for (const group of categoryGroups) {
    for (const [code, zh, , , , keywords] of group.leaves) {
      const texts = byLabel[labelOf(code)] ?? [];
      const words = wordsOf(zh, keywords);
      const matching = texts.filter((t) => words.some((w) => t.includes(w)));
      pool.set(code, matching.length >= minMatches ? matching : texts);
    }
  }
  return pool;
}
let pool: Map<string, string[]> | null = null;

// The publisher masked places as A市, E8县, K2区: the demo centre is Beijing's, and the caller's district is known.
const maskedCity = /[A-Z]\d*市/g;
const maskedCounty = /[A-Z]\d+[县区]/g;

/** A message with the publisher's masked places named for Beijing and the caller's district. */
export const localise = (text: string, district: string) => text.replace(maskedCity, '北京市').replace(maskedCounty, district);

/** A caller's account of a problem in `category`, in `district`. */
export function describeProblem(random: Random, category: string, district: string): string {
  pool ??= buildPool();
  return localise(random.pick(pool.get(category) ?? messages.labels['城乡建设']), district);
}
