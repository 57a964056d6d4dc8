import type { SyncEngine } from '../sync/sync-engine';
import { needsServer as needs } from './needs-server';
import type { CoreDeps, DomainHandlers } from './types';

const needsServer = (sync: SyncEngine | null) => needs(sync, 'The monitor');

/** The lead's monitor: everything comes from the server with the lead's session; the server checks the role. */
export const monitorHandlers = ({ sync }: CoreDeps): DomainHandlers<'monitor'> => ({
  snapshot: () => needsServer(sync).online((client, token) => client.monitorSnapshot(token)),
  rates: (period) => needsServer(sync).online((client, token) => client.monitorRates(token, period)),
  ratesCsv: async (period) => ({
    filename: `rates-${period.by}-${period.from.slice(0, 10)}-${period.to.slice(0, 10)}.csv`,
    csv: await needsServer(sync).online((client, token) => client.monitorRatesCsv(token, period)),
  }),
  ranking: ({ month }) => needsServer(sync).online((client, token) => client.monitorRanking(token, month)),
  rankingCsv: async ({ month }) => ({
    filename: `ranking-${month}.csv`,
    csv: await needsServer(sync).online((client, token) => client.monitorRankingCsv(token, month)),
  }),
  notice: async (notice) => {
    const { sentAt, expiresAt } = await needsServer(sync).online((client, token) => client.sendNotice(token, notice));
    return { sentAt, expiresAt };
  },
  answerHand: ({ username }) => needsServer(sync).online((client, token) => client.answerHand(token, username)),
  linkIncident: (incident) => needsServer(sync).online((client, token) => client.linkIncident(token, incident)),
});

/** The notices on this workstation's status bar; withdrawing one is the server's to do, with the lead's session. */
export const noticesHandlers = ({ sync, signin }: CoreDeps): DomainHandlers<'notices'> => ({
  current: () => ({ notices: sync && signin.user() ? sync.notices.current() : [] }),
  withdraw: ({ id }) => needsServer(sync).online((client, token) => client.withdrawNotice(token, id)),
});
