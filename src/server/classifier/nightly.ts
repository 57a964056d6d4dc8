import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import { relearnRouting } from '../routing/routing-history';
import { retrain } from './training';

/** Milliseconds from `now` until the next `HH:MM` on the clock of `timeZone` (never 0: a run just made waits a day). */
export function msUntil(timeOfDay: string, timeZone: string, now: Date): number {
  const [hours = 0, minutes = 0] = timeOfDay.split(':').map(Number);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const secondsNow = (Number(parts.hour) % 24) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  let wait = hours * 3600 + minutes * 60 - secondsNow;
  if (wait <= 0) wait += 86_400;
  return wait * 1000 - now.getMilliseconds();
}

/**
 * Retrains the category model every night at `timeOfDay` (the centre's time zone), publishing it
 * only if it is not worse than the one in use, and relearns the routing proposals from the day's
 * handled tickets. Training yields to the event loop between steps, so
 * the server keeps answering meanwhile. Returns a stop function.
 */
export function scheduleNightlyTraining(
  db: Database,
  options: { timeOfDay: string; timeZone: string; log: FastifyBaseLogger },
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => void run(), msUntil(options.timeOfDay, options.timeZone, new Date()));
    timer.unref();
  };
  const run = async () => {
    try {
      const { model, verdict, seconds } = await retrain(db, { pause });
      options.log.info(
        {
          examples: model.examples,
          top1: model.evaluation.top1,
          top3: model.evaluation.top3,
          seconds,
          published: verdict.publish,
          reason: verdict.reason,
        },
        'nightly category model training',
      );
    } catch (error) {
      options.log.warn({ err: error }, 'nightly category model training failed; the model in use stays');
    }
    // Apart from the model: routing learns from handled tickets even when too few have a text to train on.
    try {
      const { proposals, changed, tickets, evaluation, seconds } = await relearnRouting(db);
      const accuracy = (s: { right: number; total: number }) => (s.total > 0 ? s.right / s.total : null);
      options.log.info(
        {
          proposals: proposals.length,
          changed,
          tickets,
          learned: accuracy(evaluation.learned),
          rules: accuracy(evaluation.rules),
          seconds,
        },
        'nightly routing proposals learned from history',
      );
    } catch (error) {
      options.log.warn({ err: error }, 'nightly routing learning failed; the proposals in use stay');
    }
    plan();
  };
  plan();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
