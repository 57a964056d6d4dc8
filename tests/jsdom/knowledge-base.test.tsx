import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { PickDialog } from '../../src/renderer/src/call-screen/PickDialog';
import { useKnowledgeBase } from '../../src/renderer/src/call-screen/use-knowledge-base';
import { openTestCore, renderHookOnCore, renderOnCore } from './render-on-core';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const article = (code: string, category: string, titleZh: string, bodyZh: string) => ({
  kind: 'article' as const,
  code,
  version: 1,
  deleted: false,
  body: { category, titleZh, titleEn: code, bodyZh, bodyEn: code },
});
const category = (code: string, zh: string, parent: string | null, keywords?: string[]) => ({
  kind: 'category' as const,
  code,
  version: 1,
  deleted: false,
  body: { zh, en: code, parent, ...(keywords ? { keywords } : {}) },
});
// Some of the centre's catalogue and articles (the UI tests do not reach the server's code).
const reference = [
  category('heating', '供暖', null),
  category('heating.temperature', '室温不达标', 'heating', ['暖气不热', '温度低', '室温', '冷']),
  category('heating.fee', '供暖费', 'heating', ['供暖费', '采暖费', '缴费', '发票']),
  category('housing', '住房保障', null),
  category('housing.fund', '住房公积金', 'housing', ['公积金', '提取', '贷款']),
  category('property', '物业管理', null),
  category('property.elevator', '电梯故障', 'property', ['电梯', '困人', '故障', '停运']),
  article('kb-heating-standard', 'heating.temperature', '居民室温标准', '供暖期间居民住宅卧室、起居室室温应不低于18℃。'),
  article('kb-heating-fee', 'heating.fee', '供暖费缴纳与发票', '居民供暖费一般在供暖季开始前向供热单位缴纳。'),
  article('kb-housing-fund-withdrawal', 'housing.fund', '住房公积金提取条件', '购买、建造自住住房，租房自住等情形可申请提取住房公积金。'),
  article('kb-housing-fund-loan', 'housing.fund', '住房公积金贷款申请', '购买自住住房时可申请公积金贷款。'),
  article('kb-elevator-trapped', 'property.elevator', '电梯困人怎么办', '按下轿厢内紧急呼叫按钮，不要扒门。'),
  ...Array.from({ length: 20 }, (_, i) => article(`kb-other-${i}`, 'property.elevator', `电梯年检公示${i}`, '年检合格证张贴在轿厢内。')),
];

/** A core whose cache holds reference data, as after its first sync. */
async function coreWithArticles() {
  const app = await openTestCore();
  applyReferencePage(app.db, reference, reference.length, new Date().toISOString());
  return app;
}

function KbPicker() {
  const kb = useKnowledgeBase();
  const { open } = kb;
  useEffect(() => open(''), [open]); // once, as Alt+K does
  const items = kb.articles.map((a) => ({ id: a.code, label: a.titleZh }));
  return <PickDialog title="kb" opened items={items} onPick={() => {}} onClose={() => {}} testId="picker-kb" onFilter={kb.search} />;
}

describe('the knowledge-base picker on a real core', () => {
  it('shows what the core ranks for the typed text, pinyin initials included, not a substring filter of the list', async () => {
    core = await coreWithArticles();
    await renderOnCore(core, <KbPicker />);
    // The list is made again when a query finds nothing, so it is looked up each time.
    const options = () => within(screen.getByTestId('picker-kb')).getAllByRole('option');
    await waitFor(() => expect(options().length).toBeGreaterThan(20));
    await userEvent.type(screen.getByRole('textbox'), 'gjj');
    await waitFor(() =>
      expect(
        options()
          .map((o) => o.textContent)
          .sort(),
      ).toEqual(['住房公积金提取条件', '住房公积金贷款申请'].sort()),
    );
    await userEvent.clear(screen.getByRole('textbox'));
    await userEvent.type(screen.getByRole('textbox'), '几度');
    await waitFor(() => expect(options()[0]!.textContent).toBe('居民室温标准'));
  });

  it('keeps the latest query’s answer, and searches articles stored after the first search', async () => {
    core = await coreWithArticles();
    const { result } = await renderHookOnCore(core, () => useKnowledgeBase());
    result.current.open('heating.fee');
    await waitFor(() => expect(result.current.articles[0]?.code).toBe('kb-heating-fee'));
    result.current.search('暖气');
    result.current.search('gjj');
    await waitFor(() =>
      expect(result.current.articles.map((a) => a.code).sort()).toEqual(['kb-housing-fund-loan', 'kb-housing-fund-withdrawal']),
    );

    const article = {
      kind: 'article' as const,
      code: 'kb-housing-fund-transfer',
      version: 2,
      deleted: false,
      body: {
        category: 'housing.fund',
        titleZh: '公积金异地转移',
        titleEn: 'Moving a housing fund account',
        bodyZh: '换城市工作的。',
        bodyEn: 'On moving.',
      },
    };
    applyReferencePage(core.db, [article], 2, new Date().toISOString());
    result.current.search('gjj');
    await waitFor(() => expect(result.current.articles.map((a) => a.code)).toContain('kb-housing-fund-transfer'));
  });
});

describe("an article's Markdown where the agent reads it", () => {
  it("shows headings, bold and lists in the Alt+K picker, and an article's HTML or script link as plain text", async () => {
    const app = await renderApp();
    core = app.core;
    const body = '# 室温标准\n卧室不低于**18℃**。\n- 先量室温\n- 再报修\n<script>window.pwned = 1</script>[点我](javascript:alert(1))';
    applyReferencePage(
      core.db,
      [category('heating', '供暖', null), article('kb-md', 'heating', '室温标准（Markdown）', body)],
      2,
      new Date().toISOString(),
    );
    await screen.findByTestId('pane-intake');
    await app.user.keyboard('{Alt>}k{/Alt}');
    const shown = await screen.findByTestId('kb-body-kb-md');
    expect(shown.querySelector('strong')?.textContent).toBe('18℃');
    expect([...shown.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['先量室温', '再报修']);
    expect(shown.querySelector('script')).toBeNull();
    expect(shown.querySelector('a')).toBeNull();
    expect(shown.textContent).toContain('<script>window.pwned = 1</script>');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});
