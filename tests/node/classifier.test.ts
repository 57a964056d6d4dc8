import { describe, expect, it } from 'vitest';
import { classify, crossValidate, type Example, features, fitTemperature, trainClassifier } from '../../src/shared/domain/classifier';
import { categoryGroups } from '../../src/server/reference/catalogue/categories';
import { seededRandom } from '../../src/server/seed/random';

/**
 * Citizen messages as they come in: long and informal, mostly greetings, places, numbers and
 * complaints about waiting, with the words that tell the category few and far between, and some
 * categories far more common than others. The generator is seeded, so the numbers are stable.
 */
function messages(count: number, seed: number): Example[] {
  const random = seededRandom(seed);
  const leaves = categoryGroups.flatMap((g) => g.leaves.map(([code, zh, , , , keywords]) => ({ code, words: [zh, ...keywords.split(' ')] })));
  const places = ['朝阳区劲松街道劲松三区', '海淀区中关村南路', '丰台区方庄芳城园', '西城区德胜门外大街', '通州区梨园镇', '昌平区回龙观东大街'];
  const filler = ['你好，我想反映一个问题', '这个事情已经好几天了', '打了好多次电话都没人管', '希望你们尽快处理一下', '我们家里有老人孩子', '物业也不管', '麻烦给看看', '谢谢你们了', '我就住在这边', '之前也打过电话'];
  // A few categories make most of the calls (Zipf-like), as in a real centre.
  const weights = leaves.map((_, i) => 1 / (1 + (i % 20)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const pickLeaf = () => {
    let roll = random.next() * sum;
    for (let i = 0; i < leaves.length; i++) if ((roll -= weights[i]!) <= 0) return leaves[i]!;
    return leaves[0]!;
  };
  return Array.from({ length: count }, () => {
    const leaf = pickLeaf();
    const parts = [random.pick(filler), `${random.pick(places)}${random.int(1, 30)}号楼${random.int(1, 6)}单元`];
    for (let i = 0; i < random.int(2, 6); i++) parts.push(random.pick(filler));
    parts.splice(random.int(1, parts.length), 0, random.pick(leaf.words));
    if (random.chance(0.4)) parts.splice(random.int(1, parts.length), 0, random.pick(leaf.words));
    // Now and then a word from another category, as when a caller mentions two things.
    if (random.chance(0.25)) parts.splice(random.int(1, parts.length), 0, random.pick(pickLeaf().words));
    return { text: parts.join(random.pick(['，', '。', ' ', '！', '，，'])), category: leaf.code };
  });
}

describe('category classifier', () => {
  it('splits Chinese into 1-3 character grams and keeps words and numbers apart', () => {
    expect(features('暖气不热 3号楼 WiFi')).toEqual(['暖', '暖气', '暖气不', '气', '气不', '气不热', '不', '不热', '热', '#', '号', '号楼', '楼', 'w:wifi']);
  });

  it('beats a plain character-bigram naive Bayes on long, noisy, uneven messages', () => {
    const result = crossValidate(messages(2500, 7));
    console.log(
      `[classifier] 5-fold CV on ${result.examples} noisy messages: ours top-1 ${(result.ours.top1 * 100).toFixed(1)}% top-3 ${(result.ours.top3 * 100).toFixed(1)}%; ` +
        `bigram NB top-1 ${(result.baseline.top1 * 100).toFixed(1)}% top-3 ${(result.baseline.top3 * 100).toFixed(1)}%`,
    );
    expect(result.ours.top1).toBeGreaterThan(result.baseline.top1);
    expect(result.ours.top3).toBeGreaterThan(result.baseline.top3);
    expect(result.ours.top3).toBeGreaterThan(0.8);
  });

  it('gives confidences that rank the right category first for a clear message', () => {
    const train = messages(2000, 11);
    const model = trainClassifier(train);
    model.temperature = fitTemperature(model, messages(300, 12));
    const [first, ...rest] = classify(model, '你好，劲松三区5号楼家里暖气不热，室温才十五度，打了好几次电话了');
    expect(first!.category).toBe('heating.temperature');
    expect(first!.confidence).toBeGreaterThan(rest[0]!.confidence);
    expect(rest).toHaveLength(2);
    const total = classify(model, '停电了', model.classes.length).reduce((a, x) => a + x.confidence, 0);
    expect(total).toBeCloseTo(1, 6);
  });
});
