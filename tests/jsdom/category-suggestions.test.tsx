import fs from 'node:fs';
import path from 'node:path';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { parseCsv } from '../../src/shared/csv';
import { stratifiedSample } from '../../src/shared/domain/classifier-corpus';
import type { CategoryModel } from '../../src/shared/domain/classifier-model';
import { trainCategoryModel } from '../../src/shared/domain/classifier-training';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const sharedData = path.resolve(import.meta.dirname, '../../../shared/data/zh-citizen-messages.csv');
let model: CategoryModel;
beforeAll(async () => {
  if (!fs.existsSync(sharedData))
    throw new Error(`The shared data set is missing: expected ${sharedData} (../shared/data beside the repository).`);
  const all = parseCsv(fs.readFileSync(sharedData, 'utf8')).rows.map((r) => ({ text: r.text!, category: r.category! }));
  ({ model } = await trainCategoryModel(stratifiedSample(all, 800, 3), { costs: [3], folds: 3 }));
}, 120_000);

const shown = () => screen.queryAllByTestId('category-suggestion').map((b) => b.textContent ?? '');
const percents = (badges: string[]) => badges.map((b) => Number(/(\d+)%/.exec(b)![1]));

describe('category suggestions at intake', () => {
  it('shows the likely categories with calibrated percentages while the agent types, offline, and none while unsure', async () => {
    const app = await renderApp();
    core = app.core;
    // The model arrives with the reference data; this workstation has no server at all.
    applyReferencePage(
      app.core.db,
      [{ kind: 'model', code: 'category-classifier', version: 1, deleted: false, body: model }],
      1,
      new Date().toISOString(),
    );
    const description = await screen.findByTestId('field-description');
    await app.user.click(description);
    await app.user.keyboard('医院乱开药');
    await waitFor(() => expect(shown()[0]).toContain('卫生计生'), { timeout: 10_000 });
    await app.user.paste('，我母亲在县人民医院住院，检查费用太高，新农合也报销不了，希望卫生部门整顿');
    await waitFor(() => expect(shown()[0]).toContain('卫生计生'), { timeout: 10_000 });
    const figures = percents(shown());
    expect(figures[0]).toBeGreaterThanOrEqual(40);
    expect(figures.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    expect(figures.every((p) => p >= 5)).toBe(true);
    expect(figures).toEqual([...figures].sort((a, b) => b - a));
    // A greeting says nothing about the category: no guesses (the ones for the text before go too).
    await app.user.clear(description);
    await app.user.keyboard('你好');
    await waitFor(() => expect((description as HTMLTextAreaElement).value).toBe('你好'));
    await waitFor(() => expect(shown()).toEqual([]), { timeout: 10_000 });
  }, 60_000);
});
