import type { CallFigures, CallTally } from '../server-api/call-figures';

/**
 * The call-centre figures, defined once. They count inbound calls by the moment they arrived (a
 * call that arrived at 09:59 and was answered at 10:01 belongs to 09:00–10:00); outbound calls
 * are not in them. With T the service-level threshold (15 s unless the centre sets another):
 *
 *   offered        every inbound call that arrived
 *   answered       calls an agent answered (whenever, within T or not)
 *   abandoned      calls that ended before any agent answered, whatever cause the switch gave
 *                  (the caller hung up, the queue timed out): callers the centre never spoke to
 *   waiting        offered − answered − abandoned: ringing now
 *   service level  answered within T ÷ (answered + abandoned after T + waiting longer than T).
 *                  A caller who hangs up within T is left out (the centre could not have answered in
 *                  time: a short abandon); one still waiting past T already counts as a miss, so a
 *                  queue piling up shows at once, not when those callers finally give up. "Within"
 *                  includes T itself. Null when nothing is decided yet.
 *   abandon rate   abandoned ÷ (answered + abandoned): short abandons included
 *   ASA            average speed of answer: mean seconds from arrival to answer over answered calls
 *   AHT            average handle time: mean seconds from answer to hang-up over answered calls that
 *                  have ended (the switch reports no after-call work, so it is talk time)
 * A figure with nothing to divide by is null ("—"), never 0.
 */
export interface FigureCall {
  direction: 'in' | 'out';
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}

export const defaultServiceLevelSeconds = 15;

export const emptyTally = (): CallTally => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  shortAbandoned: 0,
  answeredInThreshold: 0,
  waitingOverThreshold: 0,
  answerWaitSeconds: 0,
  handled: 0,
  handleSeconds: 0,
});

/** What one call adds to the tallies at `now`. */
export function tallyOf(call: FigureCall, thresholdSeconds: number, now: Date): CallTally {
  const tally = emptyTally();
  if (call.direction !== 'in') return tally;
  const started = Date.parse(call.startedAt);
  const limit = thresholdSeconds * 1000;
  tally.offered = 1;
  if (call.answeredAt) {
    const wait = Math.max(0, Date.parse(call.answeredAt) - started);
    tally.answered = 1;
    tally.answerWaitSeconds = wait / 1000;
    if (wait <= limit) tally.answeredInThreshold = 1;
    if (call.endedAt) {
      tally.handled = 1;
      tally.handleSeconds = Math.max(0, Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000;
    }
  } else if (call.endedAt) {
    tally.abandoned = 1;
    if (Date.parse(call.endedAt) - started <= limit) tally.shortAbandoned = 1;
  } else if (now.getTime() - started > limit) tally.waitingOverThreshold = 1;
  return tally;
}

export function addTallies(a: CallTally, b: CallTally): CallTally {
  const sum = emptyTally();
  for (const key of Object.keys(sum) as (keyof CallTally)[]) sum[key] = a[key] + b[key];
  return sum;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The figures of a tally (the definitions above). */
export function figuresOf(tally: CallTally): CallFigures {
  const decided = tally.answered + tally.abandoned - tally.shortAbandoned + tally.waitingOverThreshold;
  return {
    ...tally,
    waiting: tally.offered - tally.answered - tally.abandoned,
    serviceLevel: ratio(tally.answeredInThreshold, decided),
    abandonRate: ratio(tally.abandoned, tally.answered + tally.abandoned),
    asaSeconds: ratio(tally.answerWaitSeconds, tally.answered),
    ahtSeconds: ratio(tally.handleSeconds, tally.handled),
  };
}

/** The figures of a set of calls at `now`. */
export function callFigures(calls: readonly FigureCall[], thresholdSeconds: number, now: Date): CallFigures {
  return figuresOf(calls.reduce((sum, call) => addTallies(sum, tallyOf(call, thresholdSeconds, now)), emptyTally()));
}

/** Seconds as m:ss (h:mm:ss from an hour on): a wait the lead reads to the second. */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
