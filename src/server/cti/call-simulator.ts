import { z } from 'zod';
import { type Call, ctiResponseSchema } from '../../shared/server-api/cti';
import { seededRandom } from '../seed/random';

export interface SimulatorOptions {
  /** The central server, e.g. http://127.0.0.1:12346/. */
  serverUrl: string;
  /** The switch's CTI token (see `issueSimulatorToken`). */
  token: string;
  /** Agents the calls ring, by username. */
  agents: string[];
  calls: number;
  /** Mean seconds between call arrivals. */
  intervalSeconds: number;
  /** Divides every wait: 10 runs a ten-minute demo in one minute. */
  speed: number;
  /** Caller numbers to reuse (citizens who called before) — repeat callers get history. */
  knownCallers: string[];
  seed: number;
  /** The share of callers who hang up while it rings (others still give up after a long queue). */
  abandonShare?: number;
  /** The queues calls come in on, picked at random; `general` unless given. */
  queues?: readonly string[];
  log?: (line: string) => void;
  /** Each call as the server answered an event of it: the last one seen of a call is how it ended. */
  onCall?: (call: Call) => void;
}

const tokenAnswer = z.object({ token: z.string() });
const ticketPhones = z.object({ tickets: z.array(z.object({ fields: z.object({ callerPhone: z.string().optional() }) })) });

/** How long a simulated caller waits in the queue for a free agent before hanging up. */
const maxQueueSeconds = 120;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ways a switch passes the same number on: plain, +86, 0086, spaced. */
function asSwitchWrites(number: string, pick: <T>(items: readonly T[]) => T): string {
  const digits = number.replace(/\D/g, '');
  if (!/^1\d{10}$/.test(digits)) return number;
  return pick([digits, `+86${digits}`, `0086${digits}`, `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`]);
}

/**
 * Drives realistic calls through the server's CTI endpoint, as a phone switch would: each call
 * rings the agents, is answered by one of them after a few seconds (or abandoned), talks for a
 * while and hangs up. About a third come from citizens who called before.
 */
export async function simulateCalls(options: SimulatorOptions): Promise<{ answered: number; abandoned: number }> {
  const random = seededRandom(options.seed);
  const log = options.log ?? (() => {});
  const url = new URL(`/api/cti/${options.token}`, options.serverUrl);
  const post = async (event: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    if (!response.ok) throw new Error(`CTI ${String(event.event)} refused: ${response.status} ${await response.text()}`);
    const answer = ctiResponseSchema.parse(await response.json());
    options.onCall?.(answer.call);
  };
  const wait = (seconds: number) => sleep((seconds * 1000) / options.speed);
  let answered = 0;
  let abandoned = 0;
  const busy = new Set<string>();
  const freeAgent = () => {
    const free = options.agents.filter((a) => !busy.has(a));
    return free.length > 0 ? random.pick(free) : undefined;
  };
  const running: Promise<void>[] = [];
  for (let i = 0; i < options.calls; i++) {
    const callId = `sim-${options.seed}-${Date.now().toString(36)}-${i}`;
    const number =
      options.knownCallers.length > 0 && random.chance(0.35)
        ? random.pick(options.knownCallers)
        : `1${random.pick(['3', '5', '8'])}${random.int(100000000, 999999999)}`;
    const queue = options.queues ? random.pick(options.queues) : 'general';
    const base = { from: asSwitchWrites(number, random.pick), to: '12345', direction: 'in', callId, queue };
    const abandon = random.chance(options.abandonShare ?? 0.15);
    const ring = random.int(2, 8);
    const talk = random.int(30, 180);
    running.push(
      (async () => {
        await post({ ...base, event: 'newCall', user: options.agents });
        log(`${callId} ringing ${base.from}`);
        await wait(ring);
        if (abandon) {
          await post({ ...base, event: 'hangup', cause: random.pick(['cancel', 'noAnswer'] as const) });
          abandoned += 1;
          log(`${callId} abandoned after ${ring}s`);
          return;
        }
        // An agent takes one call at a time: the caller waits in the queue until one is free.
        let agent: string | undefined;
        for (let waited = 0; !(agent = freeAgent()); waited++) {
          if (waited >= maxQueueSeconds) {
            await post({ ...base, event: 'hangup', cause: 'noAnswer' });
            abandoned += 1;
            log(`${callId} gave up after ${maxQueueSeconds}s in the queue`);
            return;
          }
          await wait(1);
        }
        busy.add(agent);
        try {
          await post({ ...base, event: 'answer', user: agent });
          answered += 1;
          log(`${callId} answered by ${agent}`);
          await wait(talk);
          await post({ ...base, event: 'hangup', cause: 'normalClearing' });
          log(`${callId} ended after ${talk}s`);
        } finally {
          busy.delete(agent);
        }
      })(),
    );
    await wait(-Math.log(1 - random.next()) * options.intervalSeconds);
  }
  await Promise.all(running);
  return { answered, abandoned };
}

/** Signs in as an administrator and registers (or re-keys) the simulator's switch. */
export async function issueSimulatorToken(
  serverUrl: string,
  username: string,
  password: string,
): Promise<{ token: string; authorization: string }> {
  const login = await fetch(new URL('/api/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`Signing in as ${username} failed (${login.status}); pass --admin and --password of an administrator.`);
  const authorization = `Bearer ${tokenAnswer.parse(await login.json()).token}`;
  const issued = await fetch(new URL('/api/admin/cti-switches', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ name: 'simulator' }),
  });
  if (!issued.ok) throw new Error(`Registering the simulated switch failed (${issued.status}).`);
  return { token: tokenAnswer.parse(await issued.json()).token, authorization };
}

/** Phone numbers of recent tickets, so some simulated callers have a history. */
export async function knownCallerNumbers(serverUrl: string, authorization: string): Promise<string[]> {
  const response = await fetch(new URL('/api/tickets?limit=200', serverUrl), { headers: { authorization } });
  if (!response.ok) return [];
  const { tickets } = ticketPhones.parse(await response.json());
  return [...new Set(tickets.flatMap((t) => (t.fields.callerPhone ? [t.fields.callerPhone] : [])))];
}
