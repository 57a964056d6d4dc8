import { notifications } from '@mantine/notifications';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { applyReferencePage } from '../../src/main/store/reference-store';
import { storeConfirmedEvents } from '../../src/main/store/sync-store';
import type { TimelineEntry } from '../../src/shared/contract/tickets';
import type { Ticket, TicketEvent, TicketFields } from '../../src/shared/domain/ticket';
import { CallbackForm } from '../../src/renderer/src/lifecycle/CallbackForm';
import { ExtensionForm } from '../../src/renderer/src/lifecycle/ExtensionForm';
import { RoutingForm } from '../../src/renderer/src/lifecycle/RoutingForm';
import type { StepHandle } from '../../src/renderer/src/lifecycle/use-ticket-step';
import { eventsBy } from '../support/event-builder';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  act(() => notifications.clean());
  await core?.close();
  core = undefined;
});

const unit = 'street:110105017';

/** A ticket the server has brought this far, as a pull would store it. */
type By = ReturnType<typeof eventsBy>;
function storedTicket(core: Core, steps: (id: string, by: By, unitBy: By) => TicketEvent[], fields: Partial<TicketFields> = {}) {
  const agent = eventsBy('agent2', 'K8Q3');
  const created = agent.created(fields);
  const events = [created, ...steps(created.ticketId, agent, eventsBy(`unit:${unit}`, 'server'))];
  storeConfirmedEvents(
    core.db,
    events.map((event, i) => ({ seq: i + 1, event })),
  );
  return created.ticketId;
}

async function ticket(id: string): Promise<Ticket> {
  const got = await core!.dispatch('tickets.get', { id });
  if (!got.ok) throw new Error(got.error.message);
  return got.value as Ticket;
}

async function lastEvent(id: string): Promise<TimelineEntry> {
  const got = await core!.dispatch('tickets.timeline', { id });
  if (!got.ok) throw new Error(got.error.message);
  return (got.value as { entries: TimelineEntry[] }).entries.at(-1)!;
}

const awaitingCallback = (core: Core) =>
  storedTicket(core, (id, agent, byUnit) => [
    agent.next(id, 'dispatched', { unitCodes: [unit], leadUnitCode: unit }),
    byUnit.next(id, 'unit_accepted', { unitCode: unit }),
    byUnit.next(id, 'unit_feedback', { unitCode: unit, summary: '已修好路灯' }),
  ]);

describe('the callback form', () => {
  it('has no satisfaction chosen, is entered at the choice, and refuses to record without one, saying why', async () => {
    core = await openTestCore();
    const id = awaitingCallback(core);
    const step = createRef<StepHandle>();
    const user = userEvent.setup();
    await renderOnCore(core, <CallbackForm ticket={await ticket(id)} handleRef={step} />);

    const radios = screen.getAllByRole<HTMLInputElement>('radio');
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['satisfied', false],
      ['basically_satisfied', false],
      ['unsatisfied', false],
    ]);
    await user.tab();
    expect(document.activeElement).toBe(radios[0]);

    await user.type(screen.getByTestId('callback-note'), '市民说路灯亮了');
    act(() => step.current!.confirm()); // Alt+Enter
    expect((await screen.findByTestId('satisfaction-missing')).textContent).toBe(
      '还没有选择回访结果：按 1 满意、2 基本满意或 3 不满意，再记录。',
    );
    expect(document.activeElement).toBe(radios[0]);
    expect((await ticket(id)).status).toBe('feedback');
    expect((await lastEvent(id)).type).toBe('unit_feedback');
    expect((screen.getByTestId('callback-note') as HTMLInputElement).value).toBe('市民说路灯亮了');
  });

  it('takes the digit key the agent pressed and sends her note with it', async () => {
    core = await openTestCore();
    const id = awaitingCallback(core);
    const step = createRef<StepHandle>();
    const user = userEvent.setup();
    await renderOnCore(core, <CallbackForm ticket={await ticket(id)} handleRef={step} />, 'en');

    await user.tab();
    await user.keyboard('2');
    expect(screen.getByTestId<HTMLInputElement>('satisfaction-basically_satisfied').checked).toBe(true);
    await user.keyboard('3');
    expect(screen.getByTestId<HTMLInputElement>('satisfaction-unsatisfied').checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('satisfaction-unsatisfied'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('callback-note'));
    await user.keyboard('还是不亮');
    act(() => step.current!.confirm());
    await waitFor(async () => expect((await ticket(id)).satisfaction).toBe('unsatisfied'));
    expect(await lastEvent(id)).toMatchObject({ type: 'callback_recorded', payload: { satisfaction: 'unsatisfied', note: '还是不亮' } });
    expect(screen.queryByTestId('satisfaction-missing')).toBeNull();
    expect(await screen.findByText(/^Callback recorded for ticket K8Q3-/)).toBeTruthy();
  });

  it('says in English what is missing', async () => {
    core = await openTestCore();
    const id = awaitingCallback(core);
    const user = userEvent.setup();
    await renderOnCore(core, <CallbackForm ticket={await ticket(id)} handleRef={createRef()} />, 'en');
    await user.click(screen.getByTestId('record-callback'));
    expect((await screen.findByTestId('satisfaction-missing')).textContent).toBe(
      'No callback result chosen yet: press 1 satisfied, 2 basically satisfied or 3 unsatisfied, then record.',
    );
  });
});

describe('the extension decision', () => {
  it('is chosen explicitly, and a refusal needs the reason the unit will read', async () => {
    core = await openTestCore();
    const id = storedTicket(core, (tid, agent, byUnit) => [
      agent.next(tid, 'dispatched', { unitCodes: [unit], leadUnitCode: unit }),
      byUnit.next(tid, 'unit_accepted', { unitCode: unit }),
      byUnit.next(tid, 'extension_requested', { unitCode: unit, hours: 48, reason: '需要协调' }),
    ]);
    const current = await ticket(id);
    const step = createRef<StepHandle>();
    const user = userEvent.setup();
    await renderOnCore(core, <ExtensionForm ticket={current} request={current.extensionRequest!} handleRef={step} />);

    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('extension-decision-approve'));
    expect(screen.getAllByRole<HTMLInputElement>('radio').some((r) => r.checked)).toBe(false);
    act(() => step.current!.confirm());
    expect((await screen.findByTestId('extension-decision-missing')).textContent).toBe(
      '还没有选择审批结果：按 1 同意或 2 不同意，再记录。',
    );

    await user.keyboard('2');
    act(() => step.current!.confirm());
    expect(await screen.findByText('不同意延期时请填写理由，承办单位会看到。')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('extension-note'));
    expect((await ticket(id)).extensionRequest).not.toBeNull();

    await user.keyboard('时限内可以完成');
    act(() => step.current!.confirm());
    await waitFor(async () => expect((await ticket(id)).extensionRequest).toBeNull());
    expect(await lastEvent(id)).toMatchObject({ type: 'extension_decided', payload: { approved: false, note: '时限内可以完成' } });
    expect((await ticket(id)).extensionHours).toBe(0);
  });
});

describe('the dispatch form', () => {
  it('starts at the category, and sends nothing without a unit on screen', async () => {
    core = await openTestCore();
    // No district or street: no unit can be proposed.
    const id = storedTicket(core, () => [], { districtCode: undefined, streetCode: undefined });
    const step = createRef<StepHandle>();
    const user = userEvent.setup();
    await renderOnCore(core, <RoutingForm ticket={await ticket(id)} handleRef={step} />);
    await user.tab();
    expect(document.activeElement).toBe(document.getElementById('work-category'));
    act(() => step.current!.confirm());
    expect(await screen.findByText('还没有承办单位：请在“增加承办单位”中选择一个，再派单。')).toBeTruthy();
    expect(document.activeElement).toBe(document.getElementById('work-add-unit'));
    expect((await ticket(id)).status).toBe('registered');
  });

  it('says when the centre’s history chose the unit rather than a written rule, and starts from that unit', async () => {
    core = await openTestCore();
    // Chaoyang's heating tickets went to the heating group, though the written rule says street office.
    const heating = 'heating.temperature';
    const items = [
      { kind: 'unit', code: 'company:heating', body: { zh: '北京市热力集团', en: 'Beijing District Heating Group', type: 'company' } },
      { kind: 'routingRule', code: `${heating}@*`, body: { category: heating, districtCode: null, target: 'street' } },
      {
        kind: 'routingProposal',
        code: `${heating}@110105`,
        body: {
          category: heating,
          districtCode: '110105',
          units: [{ unitCode: 'company:heating', share: 0.97, tickets: 388 }],
          tickets: 400,
        },
      },
    ];
    applyReferencePage(
      core.db,
      items.map((item, i) => ({ ...item, version: i + 1, deleted: false })),
      items.length,
      new Date().toISOString(),
    );
    const id = storedTicket(core, () => [], { category: heating });
    const { i18n } = await renderOnCore(core, <RoutingForm ticket={await ticket(id)} handleRef={createRef()} />);
    expect((await screen.findByTestId('route-history')).textContent).toBe('按历史：北京市热力集团 97 %');
    expect(screen.getByTestId('dispatch-unit').textContent).toBe('主办 · 北京市热力集团');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('route-history').textContent).toBe('From history: Beijing District Heating Group 97 %');
  });
});
