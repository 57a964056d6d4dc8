import { describe, expect, it } from 'vitest';
import type { RouteProposalView, TicketSummary, TimelineEntry, WorklistPage } from '../../src/shared/contract/tickets';
import type { Ticket } from '../../src/shared/domain/ticket';
import { buildModel, publishModel } from '../../src/server/classifier/training';
import { demoPassword } from '../../src/server/seed/demo-password';
import { categoriesWithText, describeProblem } from '../support/templated-text';
import { seededRandom } from '../../src/server/seed/random';
import { intakeFields } from '../support/fixtures';
import { until } from '../support/until';
import { bearer, engines } from './test-server';
import { call, centre, workstation } from './workstations';

describe.each(engines)('work-order lifecycle between a workstation, the server and a unit on %s', (engine) => {
  it('routes by the rule matrix, dispatches, follows the unit, takes the callback and closes, with deadlines and a timeline', async () => {
    const { server } = await centre(engine);
    const core = workstation(server.url, 'KCA2');
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until(
      'reference data',
      async () => (await call<{ length: number }>(core, 'reference.list', { kinds: ['slaPolicy'] })).length === 4,
    );

    const ticket = await call<Ticket>(core, 'tickets.create', {
      fields: { ...intakeFields, category: 'heating.temperature', urgency: 'urgent' },
    });
    const [summary] = await call<TicketSummary[]>(core, 'tickets.search', { query: ticket.provisionalNo });
    // Heating is a utility: dispatch within 2 hours of registering.
    expect(summary!.deadline).toEqual({
      stage: 'dispatch',
      startedAt: ticket.createdAt,
      dueAt: new Date(Date.parse(ticket.createdAt) + 2 * 3600_000).toISOString(),
    });
    expect((await call<WorklistPage>(core, 'tickets.worklist', { kind: 'undispatched' })).rows.map((t) => t.id)).toEqual([ticket.id]);

    const proposal = await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: ticket.id });
    expect(proposal).toEqual({
      unitCode: 'company:heating',
      name: { zh: '北京市热力集团', en: 'Beijing District Heating Group' },
      why: 'fixed',
      rule: 'heating.temperature@*',
    });
    const lights = await call<Ticket>(core, 'tickets.create', { fields: { ...intakeFields, category: undefined } });
    expect(await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: lights.id })).toMatchObject({
      unitCode: 'district:110105',
      why: 'fallback-district',
      rule: null,
    });
    const nowhere = await call<Ticket>(core, 'tickets.create', {
      fields: { ...intakeFields, category: undefined, districtCode: undefined, streetCode: undefined },
    });
    expect(await core.dispatch('tickets.proposeRoute', { id: nowhere.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', refusal: { code: 'no_jurisdiction', params: { target: 'district' } } },
    });

    await until('numbered', async () => (await call<Ticket>(core, 'tickets.get', { id: ticket.id })).officialNo);
    const dispatched = await call<Ticket>(core, 'tickets.dispatch', {
      id: ticket.id,
      unitCodes: ['company:heating'],
      leadUnitCode: 'company:heating',
    });
    expect(dispatched.status).toBe('dispatched');
    await until('dispatch confirmed', async () => (await call<{ outboxSize: number }>(core, 'sync.status')).outboxSize === 0);

    const unit = (
      await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'unit.heating', password: demoPassword } })
    ).json() as { token: string };
    const act = (action: string, body: object) =>
      server.app.inject({ method: 'POST', url: `/api/units/tickets/${ticket.id}/${action}`, headers: bearer(unit.token), payload: body });
    expect((await act('accept', {})).statusCode).toBe(200);
    expect((await act('feedback', { summary: '已调整供热阀门，室温恢复到20度' })).statusCode).toBe(200);

    await call(core, 'sync.now');
    const waiting = await until('callback due', async () =>
      (await call<WorklistPage>(core, 'tickets.worklist', { kind: 'callback' })).rows.find((t) => t.id === ticket.id),
    );
    expect(waiting.deadline).toBeNull(); // the unit has reported back: no clock runs until the callback
    const closed = await call<Ticket>(core, 'tickets.recordCallback', {
      id: ticket.id,
      satisfaction: 'satisfied',
      note: '市民表示暖气已经热了',
    });
    expect(closed).toMatchObject({ status: 'closed', resolution: 'resolved', satisfaction: 'satisfied' });
    await until(
      'callback confirmed',
      async () => (await call<{ outboxSize: number; rejected: number }>(core, 'sync.status')).outboxSize === 0,
    );

    const { entries } = await call<{ entries: TimelineEntry[] }>(core, 'tickets.timeline', { id: ticket.id });
    expect(entries.map((e) => [e.type, e.status])).toEqual([
      ['created', 'confirmed'],
      ['numbered', 'confirmed'],
      ['dispatched', 'confirmed'],
      ['unit_accepted', 'confirmed'],
      ['unit_feedback', 'confirmed'],
      ['callback_recorded', 'confirmed'],
    ]);
    expect(entries.find((e) => e.type === 'unit_feedback')).toMatchObject({
      actor: 'unit.heating',
      payload: { summary: '已调整供热阀门，室温恢复到20度' },
    });
  });

  it('answers from the knowledge base offline: one character finds the article, and the call closes as a direct answer', async () => {
    const { server } = await centre(engine);
    const core = workstation(server.url, 'KCB3');
    await call(core, 'auth.signIn', { username: 'agent2', password: demoPassword });
    await until('articles cached', async () => (await call<unknown[]>(core, 'kb.search', { query: '' })).length >= 10);
    await server.app.close(); // the knowledge base is in the local cache

    const found = await call<{ code: string }[]>(core, 'kb.search', { query: '暖' });
    expect(found.map((a) => a.code)).toEqual(expect.arrayContaining(['kb-heating-season', 'kb-heating-standard']));
    expect((await call<{ code: string }[]>(core, 'kb.search', { query: '室温' }))[0]!.code).toBe('kb-heating-standard');
    expect(await call<unknown[]>(core, 'kb.search', { query: '没有这样的文章' })).toEqual([]);
    // A repeat of an open ticket, linked at intake, is merged into the original.
    const original = await call<Ticket>(core, 'tickets.create', { fields: intakeFields });
    const repeat = await call<Ticket>(core, 'tickets.create', { fields: intakeFields, duplicateOf: original.id });
    expect(await call<Ticket>(core, 'tickets.merge', { id: repeat.id })).toMatchObject({
      status: 'closed',
      resolution: 'merged',
      mergedInto: original.id,
    });
    expect(await core.dispatch('tickets.merge', { id: original.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', refusal: { code: 'not_linked_duplicate', params: {} } },
    });

    const answered = await call<Ticket>(core, 'tickets.create', {
      fields: { ...intakeFields, requestType: 'consultation', description: '问今年什么时候开始供暖' },
      answeredWith: 'kb-heating-season',
    });
    expect(answered).toMatchObject({ status: 'closed', resolution: 'direct_answer', articleCode: 'kb-heating-season' });
  });
});

describe.each(engines)('learned category suggestions on %s', (engine) => {
  it('are trained on the server, shipped as reference data, and suggest on the workstation offline', async () => {
    const { db, server } = await centre(engine);
    const random = seededRandom(5);
    const examples = Array.from({ length: 600 }, (_, i) => {
      const category = random.pick(categoriesWithText);
      return {
        text: describeProblem(random, category, random.pick(['劲松小区', '望京西园', '方庄芳城园'])),
        category,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      };
    });
    // One cost: what is tested here is the way to the workstation, not the search.
    const { model } = await buildModel(examples, { costs: [1] });
    expect(model.evaluation.top3).toBeGreaterThan(0.9);
    await publishModel(db, model);

    const core = workstation(server.url, 'KCC4');
    await call(core, 'auth.signIn', { username: 'agent3', password: demoPassword });
    await until('model cached', async () => (await call<unknown[]>(core, 'reference.list', { kinds: ['model'] })).length === 1);
    await server.app.close();
    const suggestions = await call<{ category: string; confidence: number }[]>(core, 'tickets.suggestCategories', {
      text: '你好，我家暖气一点都不热，室温只有十五度',
    });
    expect(suggestions[0]!.category).toBe('heating.temperature');
    expect(suggestions[0]!.confidence).toBeGreaterThan(0.5);
    expect(suggestions.reduce((a, s) => a + s.confidence, 0)).toBeLessThanOrEqual(1);
    expect(await call(core, 'tickets.suggestCategories', { text: '' })).toEqual([]);
  });
});
