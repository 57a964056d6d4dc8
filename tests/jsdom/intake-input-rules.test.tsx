import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { outboxSize } from '../../src/main/store/ticket-store';
import { fieldLimits } from '../../src/shared/domain/field-limits';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

/** The few reference items these tests pick from, in the cache as after a sync: a centre is not needed to type into the form. */
const reference = [
  { kind: 'requestType', code: 'complaint', body: { zh: '投诉', en: 'Complaint' } },
  { kind: 'category', code: 'heating', body: { zh: '供暖', en: 'Heating', parent: null } },
  {
    kind: 'category',
    code: 'heating.temperature',
    body: { zh: '室温不达标', en: 'Room too cold', parent: 'heating', pinyin: 'shiwenbudabiao', initials: 'swbdb' },
  },
  // Retired: named on the tickets that have it, never offered for a new one.
  {
    kind: 'category',
    code: 'heating.old',
    body: { zh: '旧供暖', en: 'Old heating', parent: 'heating', pinyin: 'jiugongnuan', initials: 'jgn', active: false },
  },
  { kind: 'district', code: '110105', body: { zh: '朝阳区', en: 'Chaoyang District', pinyin: 'chaoyang', initials: 'cy' } },
].map((item) => ({ ...item, version: 1, deleted: false }));

async function intakeWithReference() {
  const app = await renderApp();
  core = app.core;
  applyReferencePage(app.core.db, reference, reference.length, new Date().toISOString());
  app.core.bus.emit('reference.changed', { count: reference.length });
  const field = async (name: string) => (await screen.findByTestId(`field-${name}`)) as HTMLInputElement;
  return { ...app, field };
}

/** Picks the one request type by its digit, as agents do, once the reference data is on screen. */
async function pickRequestType(app: Awaited<ReturnType<typeof intakeWithReference>>) {
  const requestType = await app.field('requestType');
  await app.user.click(requestType);
  await app.user.keyboard('1{Tab}');
  await waitFor(() => expect(requestType.value).toBe('1 投诉'));
}

describe('the intake form’s input rules', { timeout: 90_000 }, () => {
  it('refuses a 10-digit mobile number, saying how many digits a mobile has, and writes nothing', async () => {
    const app = await intakeWithReference();
    await app.user.click(await app.field('callerPhone'));
    await app.user.keyboard('1332394310');
    await app.user.click(await app.field('description'));
    await app.user.keyboard('暖气不热{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/手机号码应为 11 位/)).toBeTruthy();
    expect(outboxSize(app.core.db)).toBe(0);
  });

  it('turns full-width digits typed into the phone field into ASCII at once', async () => {
    const app = await intakeWithReference();
    const phone = await app.field('callerPhone');
    await app.user.click(phone);
    await app.user.keyboard('＋８６　１３３２３９４３１０７');
    expect(phone.value).toBe('+86 13323943107');
  });

  it('keeps a pinyin that matched no category from leaving the category silently empty', async () => {
    const app = await intakeWithReference();
    await pickRequestType(app);
    const category = await app.field('category');
    await app.user.click(category);
    await app.user.keyboard('qxzqxz{Tab}');
    const unmatched = /没有与“qxzqxz”匹配的选项/;
    expect(await screen.findByText(unmatched)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(category));
    expect(category.value).toBe('qxzqxz');
    expect(category.getAttribute('aria-invalid')).toBe('true');

    // Leaving again is allowed, but the category is still refused on submit, with the cursor back in it.
    await app.user.click(await app.field('description'));
    await app.user.keyboard('暖气不热{Control>}{Enter}{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(category));
    expect(screen.getByText(unmatched)).toBeTruthy();
    expect(category.value).toBe('qxzqxz');
    expect(outboxSize(app.core.db)).toBe(0);

    await app.user.clear(category);
    await app.user.keyboard('swbdb{Tab}');
    await waitFor(() => expect(category.value).toBe('供暖 › 室温不达标'));
    expect(screen.queryByText(unmatched)).toBeNull();
    expect(category.getAttribute('aria-invalid')).not.toBe('true');
    await app.user.click(await app.field('description'));
    await app.user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(outboxSize(app.core.db)).toBe(1));
  });

  it('does not offer a retired category for a new ticket', async () => {
    const app = await intakeWithReference();
    await pickRequestType(app);
    const category = await app.field('category');
    await app.user.click(category);
    await app.user.keyboard('jgn{Tab}');
    expect(await screen.findByText(/没有与“jgn”匹配的选项/)).toBeTruthy();
    expect(category.value).toBe('jgn');
  });

  it('refuses a district that matched nothing, in English too, with the cursor sent back to it', async () => {
    const app = await intakeWithReference();
    await pickRequestType(app);
    await app.core.dispatch('settings.update', { locale: 'en' });
    await waitFor(() => expect(screen.getByText('District')).toBeTruthy());
    const district = await app.field('district');
    await app.user.click(district);
    await app.user.keyboard('qxq{Tab}');
    const unmatched = /Nothing matches “qxq”: type the pinyin or Chinese again/;
    expect(await screen.findByText(unmatched)).toBeTruthy();
    await app.user.click(await app.field('description'));
    await app.user.keyboard('Heating is cold{Control>}{Enter}{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(district));
    expect(screen.getByText(unmatched)).toBeTruthy();
    expect(district.value).toBe('qxq');
    expect(outboxSize(app.core.db)).toBe(0);
  });

  it('lets the clear button drop what was typed over an earlier pick that matched nothing', async () => {
    const app = await intakeWithReference();
    const district = await app.field('district');
    await app.user.click(district);
    await app.user.keyboard('cy{Tab}');
    await waitFor(() => expect(district.value).toBe('朝阳区'));
    await app.user.clear(district);
    await app.user.keyboard('qxq{Tab}');
    const unmatched = /没有与“qxq”匹配的选项/;
    expect(await screen.findByText(unmatched)).toBeTruthy();
    await app.user.click(await app.field('description'));
    expect(district.value).toBe('qxq');
    await app.user.click(screen.getByTestId('field-district-clear'));
    await waitFor(() => expect(screen.queryByText(unmatched)).toBeNull());
    expect(district.value).toBe('');
  });

  it('sends the cursor to the first wrong field in form order: the missing request type before the unmatched category', async () => {
    const app = await intakeWithReference();
    await app.user.click(await app.field('category'));
    await app.user.keyboard('qxzqxz{Tab}');
    expect(await screen.findByText(/没有与“qxzqxz”匹配的选项/)).toBeTruthy();
    await app.user.click(await app.field('description'));
    await app.user.keyboard('暖气不热{Control>}{Enter}{/Control}');
    expect(await screen.findByText('请选择诉求类型')).toBeTruthy();
    expect(screen.getByText(/没有与“qxzqxz”匹配的选项/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-requestType')));
    expect(outboxSize(app.core.db)).toBe(0);
  });

  it('shows each free-text field’s count against its limit, and refuses text past it naming the limit', async () => {
    const app = await intakeWithReference();
    const max = fieldLimits.description;
    const counter = await screen.findByTestId('counter-description');
    expect(counter.textContent).toBe(`0 / ${max}`);
    expect(screen.getByTestId('counter-addressDetail').textContent).toBe(`0 / ${fieldLimits.addressDetail}`);
    expect(screen.getByTestId('counter-callerName').textContent).toBe(`0 / ${fieldLimits.callerName}`);
    await app.user.click(await app.field('description'));
    await app.user.keyboard('暖气不热');
    await waitFor(() => expect(counter.textContent).toBe(`4 / ${max}`));
    await app.user.paste('长'.repeat(max));
    await waitFor(() => expect(counter.textContent).toBe(`${max + 4} / ${max}`));
    expect(screen.getByText(`最多 ${max} 字，现在 ${max + 4} 字；请删减到 ${max} 字以内`)).toBeTruthy();
    await app.user.keyboard('{Control>}{Enter}{/Control}');
    expect(outboxSize(app.core.db)).toBe(0);
  });
});
