import { describe, expect, it } from 'vitest';
import { addTallies, callFigures, type FigureCall, formatWait, tallyOf } from './call-figures';

const at = (time: string) => `2026-12-01T${time}.000Z`;
const call = (startedAt: string, answeredAt: string | null, endedAt: string | null, direction: 'in' | 'out' = 'in'): FigureCall => ({
  direction,
  startedAt: at(startedAt),
  answeredAt: answeredAt && at(answeredAt),
  endedAt: endedAt && at(endedAt),
});

// A morning worked out by hand, seen at 10:30:00 with the 15 s threshold.
const now = new Date(at('10:30:00'));
const morning = [
  call('10:00:00', '10:00:10', '10:02:10'), // waited 10 s, talked 120 s
  call('10:01:00', '10:01:15', '10:03:15'), // waited exactly 15 s: within; talked 120 s
  call('10:02:00', '10:02:40', '10:03:40'), // waited 40 s: answered late; talked 60 s
  call('10:05:00', null, '10:05:08'), // hung up after 8 s: a short abandon
  call('10:06:00', null, '10:07:00'), // hung up after 60 s
  call('10:10:00', '10:10:05', null), // waited 5 s, still talking: no handle time yet
  call('10:29:50', null, null), // ringing for 10 s: not decided
  call('10:29:00', null, null), // ringing for 60 s: already a miss
  call('10:00:00', '10:00:01', '10:20:00', 'out'), // an outbound call is not in the figures
];

describe('call figures', () => {
  it('counts a morning as worked out by hand', () => {
    expect(callFigures(morning, 15, now)).toEqual({
      offered: 8,
      answered: 4,
      abandoned: 2,
      shortAbandoned: 1,
      answeredInThreshold: 3,
      waitingOverThreshold: 1,
      answerWaitSeconds: 70,
      handled: 3,
      handleSeconds: 300,
      waiting: 2,
      // 3 answered within 15 s ÷ (4 answered + 2 abandoned − 1 short abandon + 1 waiting past 15 s)
      serviceLevel: 3 / 6,
      abandonRate: 2 / 6,
      asaSeconds: 70 / 4,
      ahtSeconds: 300 / 3,
    });
  });

  it('moves calls across a configured threshold, the threshold itself counting as within', () => {
    // 45 s: the 40 s answer is now in time; the 60 s abandon and the 60 s wait still count against.
    expect(callFigures(morning, 45, now)).toMatchObject({ answeredInThreshold: 4, shortAbandoned: 1, waitingOverThreshold: 1 });
    expect(callFigures(morning, 45, now).serviceLevel).toBe(4 / 6);
    // 60 s: the caller who hung up at 60 s left within it, and the caller ringing for 60 s is not past it yet.
    const sixty = callFigures(morning, 60, now);
    expect(sixty).toMatchObject({ answeredInThreshold: 4, shortAbandoned: 2, waitingOverThreshold: 0 });
    expect(sixty.serviceLevel).toBe(1);
  });

  it('counts a caller still waiting as a miss the moment the wait passes the threshold', () => {
    const ringing = [call('10:29:45', null, null)];
    expect(callFigures(ringing, 15, now)).toMatchObject({ waiting: 1, waitingOverThreshold: 0, serviceLevel: null });
    expect(callFigures(ringing, 15, new Date(at('10:30:01')))).toMatchObject({ waitingOverThreshold: 1, serviceLevel: 0 });
  });

  it('gives null, not 0, where there is nothing to divide by', () => {
    expect(callFigures([], 15, now)).toMatchObject({
      offered: 0,
      serviceLevel: null,
      abandonRate: null,
      asaSeconds: null,
      ahtSeconds: null,
    });
    // Only short abandons: no call the centre could have answered in time, but every caller was lost.
    expect(callFigures([call('10:00:00', null, '10:00:03')], 15, now)).toMatchObject({ serviceLevel: null, abandonRate: 1 });
  });

  it('adds tallies so that queues and hours sum to the day', () => {
    const byHalves = addTallies(
      morning.slice(0, 4).reduce((sum, c) => addTallies(sum, tallyOf(c, 15, now)), tallyOf(morning[4]!, 15, now)),
      morning.slice(5).reduce((sum, c) => addTallies(sum, tallyOf(c, 15, now)), tallyOf(call('10:00:00', null, null, 'out'), 15, now)),
    );
    expect(byHalves).toEqual(
      Object.fromEntries(Object.entries(callFigures(morning, 15, now)).filter(([key]) => key in tallyOf(morning[0]!, 15, now))),
    );
  });

  it('writes waits to the second', () => {
    expect([0, 12.9, 59, 61, 600, 3725].map(formatWait)).toEqual(['0:00', '0:12', '0:59', '1:01', '10:00', '1:02:05']);
  });
});
