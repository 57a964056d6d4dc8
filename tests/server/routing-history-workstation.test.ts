import { describe, expect, it } from 'vitest';
import type { RouteProposalView } from '../../src/shared/contract/tickets';
import type { Ticket } from '../../src/shared/domain/ticket';
import { importHistory } from '../../src/server/history/import-history';
import { relearnRouting } from '../../src/server/routing/routing-history';
import { upsertReference } from '../../src/server/reference/reference-store';
import { demoPassword } from '../../src/server/seed/demo-password';
import { intakeFields } from '../support/fixtures';
import { until } from '../support/until';
import { engines } from './test-server';
import { call, centre, workstation } from './workstations';

/** Haidian's district government led every one of its 30 cooking-fume tickets; the written rule says street office. */
const csv = [
  'text,category,created,district,street,unit',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `饭馆油烟 第${i}次,environment.cooking-fumes,2025-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00,110108,11010800${1 + (i % 5)},district:110108`,
  ),
].join('\n');
const haidian = { ...intakeFields, category: 'environment.cooking-fumes', districtCode: '110108', streetCode: '110108003' };

describe.each(engines)('a workstation routing with proposals learned from history on %s', (engine) => {
  it('offers the unit history chose where no written rule for the place decides, marked as from history', async () => {
    const { db, server } = await centre(engine);
    await importHistory(db, csv, { timeZone: 'Asia/Shanghai' });
    await relearnRouting(db);
    const core = workstation(server.url, 'KRH2');
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until(
      'proposals pulled',
      async () => (await call<unknown[]>(core, 'reference.list', { kinds: ['routingProposal'] })).length === 2,
    );

    const ticket = await call<Ticket>(core, 'tickets.create', { fields: haidian });
    expect(await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: ticket.id })).toEqual({
      unitCode: 'district:110108',
      name: { zh: '海淀区人民政府', en: 'Haidian District Government' },
      why: 'district',
      rule: null,
      history: { share: 1, tickets: 30 },
    });
    // Elsewhere the city-wide rule still decides: history has nothing to say about Chaoyang.
    const chaoyang = await call<Ticket>(core, 'tickets.create', {
      fields: { ...haidian, districtCode: '110105', streetCode: '110105017' },
    });
    expect(await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: chaoyang.id })).toMatchObject({
      unitCode: 'street:110105017',
      rule: 'environment.cooking-fumes@*',
    });
    expect(await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: chaoyang.id })).not.toHaveProperty('history');

    // A written rule for the district wins over history once the workstation has it.
    await upsertReference(db, [
      {
        kind: 'routingRule',
        code: 'environment.cooking-fumes@110108',
        body: { category: 'environment.cooking-fumes', districtCode: '110108', target: 'street' },
      },
    ]);
    await until('district rule pulled', async () => {
      const proposal = await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: ticket.id });
      return proposal.rule === 'environment.cooking-fumes@110108' ? proposal : null;
    });
    expect(await call<RouteProposalView>(core, 'tickets.proposeRoute', { id: ticket.id })).toEqual({
      unitCode: 'street:110108003',
      name: expect.objectContaining({ zh: expect.any(String) }),
      why: 'street',
      rule: 'environment.cooking-fumes@110108',
    });
  });
});
