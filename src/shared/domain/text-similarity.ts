/**
 * How alike two citizen reports read, 0–1: the Dice coefficient of their character bigrams,
 * ignoring punctuation, spaces and case. Good enough to rank a handful of same-street,
 * same-category tickets; not a classifier.
 */
export function textSimilarity(a: string, b: string): number {
  const x = bigramCounts(a);
  const y = bigramCounts(b);
  const total = sum(x) + sum(y);
  if (total === 0) return 0;
  let shared = 0;
  for (const [gram, n] of x) shared += Math.min(n, y.get(gram) ?? 0);
  return (2 * shared) / total;
}

function bigramCounts(text: string): Map<string, number> {
  const chars = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, ''),
  ];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
