import { serverApi } from '../../shared/server-api';
import type { Logger } from '../dispatch';
import type { Db } from '../store/database';
import { markWrapUpReported, pendingWrapUps } from '../store/wrapup-store';
import { type ServerClient, ServerError } from './server-client';

const batch = 50;

/**
 * Reports the wrap-up codes given since the last round to the server, oldest first. A refusal
 * (a code the centre has retired, a call it does not know) is kept with the call and logged, and
 * the rest go on; no answer stops the round and leaves them all pending for the next.
 */
export async function reportWrapUps(options: { db: Db; client: ServerClient; token: string; log: Logger; running: () => boolean }) {
  const { db, client, token, log, running } = options;
  for (;;) {
    const pending = pendingWrapUps(db, batch);
    for (const report of pending) {
      if (!running()) return;
      try {
        await client.request(serverApi.cti.wrapUp, { params: { callId: report.callId }, body: { code: report.code } }, token);
        markWrapUpReported(db, report, { sent: true });
      } catch (error) {
        if (!(error instanceof ServerError) || error.kind !== 'refused') throw error;
        markWrapUpReported(db, report, { sent: false, refusal: error.code ?? `HTTP ${error.status ?? '?'}` });
        log.error(`[sync] wrap-up ${report.code} of call ${report.callId} refused by the server: ${error.message}`);
      }
    }
    if (pending.length < batch) return;
  }
}
