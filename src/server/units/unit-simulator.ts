import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { type EventDraft, pushEvents } from '../events/push';
import { unitEvent } from './unit-actions';
import { errorMessage } from '../../shared/error-message';

export interface UnitSimulatorOptions {
  /** A unit accepts a dispatched ticket this long after the dispatch. */
  acceptAfterMs: number;
  /** ... and reports back this long after accepting. */
  feedbackAfterMs: number;
  tickMs?: number;
  /** Tickets dispatched from this moment on are theirs (default: when they start); older work in hand stays put. */
  since?: string;
  timeZone: string;
  log: Pick<Console, 'warn'>;
}

const summaries = ['已派人到现场核实处理，问题已解决。', '已协调物业维修完毕，已与市民沟通。', '经核查已整改到位，后续加强巡查。'];

/**
 * Stand-in handling units for demos and E2E tests (`SIMULATE_UNITS=on`): every ticket dispatched
 * while they run is accepted, then reported back on, by its lead unit after the set delays; a unit
 * that asked for more time waits for the hotline's answer before it reports back. What was
 * dispatched before (the demo centre's own work in hand) stays where it is. They write through the
 * server's trusted path, as the units' own systems would through the unit routes.
 */
export function startUnitSimulator(db: Database, options: UnitSimulatorOptions): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const startedAt = options.since ?? new Date().toISOString();
  const tick = async () => {
    const rows = await db.query<{ id: string; status: string; lead: string | null }>(
      sql`SELECT id, status, state ->> 'leadUnitCode' AS lead FROM tickets
       WHERE ((status = 'dispatched' AND updated_at <= now() - make_interval(secs => ${options.acceptAfterMs / 1000}))
          OR (status IN ('accepted', 'in_progress') AND updated_at <= now() - make_interval(secs => ${options.feedbackAfterMs / 1000})
              AND COALESCE(state -> 'extensionRequest', 'null'::jsonb) = 'null'::jsonb))
         AND state ->> 'dispatchedAt' >= ${startedAt}
       ORDER BY updated_at LIMIT 100`,
    );
    const events: EventDraft[] = rows.flatMap((r) =>
      r.lead
        ? [
            r.status === 'dispatched'
              ? unitEvent(r.id, 'accept', {}, r.lead, `unit:${r.lead}`)
              : unitEvent(
                  r.id,
                  'feedback',
                  { summary: summaries[r.id.charCodeAt(r.id.length - 1) % summaries.length]! },
                  r.lead,
                  `unit:${r.lead}`,
                ),
          ]
        : [],
    );
    // A ticket a person changed meanwhile is simply refused here and tried again next tick.
    if (events.length > 0) await pushEvents(db, events, { user: 'system', timeZone: options.timeZone });
  };
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? undefined : tick()))
      .catch((error: unknown) => options.log.warn('[unit simulator] tick failed', errorMessage(error)));
  }, options.tickMs ?? 1000);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
