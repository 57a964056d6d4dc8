import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { databaseFile, ownerOnlyCacheKey } from '../../src/main/core';
import { openDatabase } from '../../src/main/store/database';
import { openPostgres } from '../../src/server/db/postgres';
import { type Random, seededRandom } from '../../src/server/seed/random';
import { demoPassword } from '../../src/server/seed/seed';
import { prepareCentre } from '../server/centre';
import { type ChildProcessHandle, startChildServer } from '../support/child-host';
import { createDatabase, freePort } from '../support/postgres-cluster';
import { FaultProxy, type FaultRates, noFaults } from './fault-proxy';
import type { AgentReply, AgentRequest } from './workstation-agent';

const root = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SeedOptions {
  steps?: number;
  workstations?: number;
  servers?: number;
  quiesceTimeoutMs?: number;
}

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SeedReport {
  seed: number;
  made: number;
  acknowledged: number;
  workstationKills: number;
  serverKills: number;
  partitions: number;
  dropped: number;
  answersLost: number;
  duplicated: number;
  invariants: Invariant[];
  ok: boolean;
  seconds: number;
}

/** A central server process on a fixed port, so it can be killed and started again behind its proxies. */
class ServerProcess {
  private handle: ChildProcessHandle | null = null;
  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}
  /** Starts it, trying again if a start fails (a slow machine, a port not yet released). */
  async start(attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce();
      } catch (error) {
        if (attempt >= attempts) throw error;
        await sleep(500);
      }
    }
  }
  private async startOnce() {
    this.handle = await startChildServer(this.databaseUrl, { port: this.port, logLevel: 'silent' });
  }
  get running() {
    return this.handle !== null;
  }
  async kill() {
    const handle = this.handle;
    this.handle = null;
    await handle?.kill();
  }
}

/** A workstation core process; it keeps its data folder across kills. */
class Agent {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: AgentReply | null) => void>();
  constructor(
    readonly code: string,
    readonly username: string,
    readonly dataDir: string,
    readonly serverUrl: string,
  ) {}

  get running() {
    return this.child !== null;
  }

  async start() {
    const child = fork(path.join(root, 'tests/fault/workstation-agent.ts'), {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: {
        ...process.env,
        AGENT_DATA_DIR: this.dataDir,
        AGENT_CODE: this.code,
        AGENT_SERVER_URL: this.serverUrl,
        AGENT_USERNAME: this.username,
        AGENT_PASSWORD: demoPassword,
      },
    });
    this.child = child;
    child.on('error', () => {}); // A send to a dying child; `send`'s callback reports it.
    // Drained always: an unread pipe blocks the child once its buffer fills.
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`workstation ${this.code} did not get ready; its stderr ends:\n${stderr}`)), 60_000);
      child.on('message', (message: AgentReply) => {
        if ('ready' in message) {
          clearTimeout(timer);
          resolve();
          return;
        }
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      });
    });
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
    });
    await ready;
  }

  /** The reply, or null if the process died before answering (the write is then not acknowledged). */
  send(command: AgentRequest): Promise<AgentReply | null> {
    const child = this.child;
    if (!child?.connected) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      // A child being killed may already have closed its channel: that command was never answered.
      child.send({ ...command, id }, (error) => {
        if (!error) return;
        this.pending.delete(id);
        resolve(null);
      });
    });
  }

  kill(): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

async function freshDatabase(postgresUrl: string, seed: number): Promise<string> {
  const url = await createDatabase(postgresUrl, `fault_${seed}_${randomBytes(4).toString('hex')}`);
  const db = await openPostgres(url);
  await prepareCentre(db);
  await db.close();
  return url;
}

const randomRates = (random: Random): FaultRates => ({
  drop: random.next() * 0.2,
  loseAnswer: random.next() * 0.2,
  duplicate: random.next() * 0.3,
  maxDelayMs: random.int(0, 80),
});

/**
 * One seeded run: workstations make tickets, notes and closings through a network that drops,
 * delays, duplicates and loses answers, while processes are killed; then everything heals and
 * the invariants of DESIGN.md §4 are checked.
 */
export async function runSeed(seed: number, postgresUrl: string, options: SeedOptions = {}): Promise<SeedReport> {
  const started = performance.now();
  const random = seededRandom(seed);
  const steps = options.steps ?? 150;
  const databaseUrl = await freshDatabase(postgresUrl, seed);
  const servers = await Promise.all(Array.from({ length: options.servers ?? 2 }, async () => new ServerProcess(databaseUrl, await freePort())));
  await Promise.all(servers.map((s) => s.start()));

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `hotline-fault-${seed}-`));
  const users = ['agent1', 'agent2', 'agent3'];
  const proxies: FaultProxy[] = [];
  const agents: Agent[] = [];
  for (let i = 0; i < (options.workstations ?? 3); i++) {
    const proxy = new FaultProxy(servers[i % servers.length]!.port, seededRandom(seed * 1000 + i));
    proxies.push(proxy);
    agents.push(new Agent(`FT${'23456789'[i]}${'ABCDEFGH'[i]}`, users[i % users.length]!, path.join(workDir, `ws${i}`), await proxy.start()));
  }
  await Promise.all(agents.map((a) => a.start()));

  const acknowledged = new Map<string, Agent>();
  const tickets: string[] = [];
  const counts = { made: 0, workstationKills: 0, serverKills: 0, partitions: 0 };
  const background: Promise<unknown>[] = [];
  let faultsOn = true;

  const restarting = new Set<Agent>();
  const killAgent = async (agent: Agent) => {
    // One kill-and-restart at a time per workstation: two would start two processes on one cache.
    if (!agent.running || restarting.has(agent)) return;
    restarting.add(agent);
    counts.workstationKills += 1;
    try {
      await agent.kill();
      await sleep(random.int(0, 200));
      await agent.start();
    } finally {
      restarting.delete(agent);
    }
  };
  // "Between push and acknowledgement": kill a workstation while the server is handling its push.
  proxies.forEach((proxy, i) => {
    proxy.onPushForwarded = () => {
      if (faultsOn && random.chance(0.05)) background.push(killAgent(agents[i]!));
    };
  });

  const write = async (agent: Agent, command: AgentRequest) => {
    counts.made += 1;
    const reply = await agent.send(command);
    if (reply && 'ok' in reply && reply.ok && reply.eventId) {
      acknowledged.set(reply.eventId, agent);
      if (reply.ticketId) tickets.push(reply.ticketId);
      return true;
    }
    return false;
  };

  const trace = process.env.FAULT_TRACE ? (text: string) => console.log(`  [seed ${seed}] ${text}`) : () => {};
  for (const proxy of proxies) proxy.rates = randomRates(random);
  for (let step = 0; step < steps; step++) {
    trace(`step ${step}`);
    const agent = random.pick(agents.filter((a) => a.running).length ? agents.filter((a) => a.running) : agents);
    const r = random.next();
    if (r < 0.5) {
      await write(agent, { type: 'create', description: `第${seed}轮第${step}步：楼内停水` });
    } else if (r < 0.62 && tickets.length) {
      await write(agent, { type: 'note', ticketId: random.pick(tickets), text: `跟进 ${step}` });
    } else if (r < 0.7 && tickets.length) {
      // Agents on different workstations editing the same field: the later is refused, never lost.
      // Two agents edit the same field of the same ticket at once (one a few steps old, so both
      // most likely have it): the later to reach the server is refused with a reason, never lost.
      const ticketId = random.pick(tickets.slice(-12, -2).length ? tickets.slice(-12, -2) : tickets);
      const other = random.pick(agents.filter((a) => a !== agent && a.running).length ? agents.filter((a) => a !== agent && a.running) : [agent]);
      await Promise.all([
        write(agent, { type: 'update', ticketId, callerWants: `第${step}步：今天修好` }),
        write(other, { type: 'update', ticketId, callerWants: `第${step}步：本周修好` }),
      ]);
    } else if (r < 0.77 && tickets.length) {
      await write(agent, { type: random.chance(0.6) ? 'close' : 'reopen', ticketId: random.pick(tickets) });
    } else if (r < 0.81) {
      background.push(killAgent(agent));
    } else if (r < 0.84) {
      // "Between a local commit and its push": the write is answered, the process dies at once.
      if (await write(agent, { type: 'create', description: `第${seed}轮第${step}步：写完即断电` })) background.push(killAgent(agent));
    } else if (r < 0.87) {
      const server = random.pick(servers);
      if (server.running) {
        counts.serverKills += 1;
        await server.kill();
        background.push(sleep(random.int(100, 800)).then(() => server.start()));
      }
    } else if (r < 0.93) {
      const proxy = proxies[agents.indexOf(agent)]!;
      if (!proxy.partitioned) {
        counts.partitions += 1;
        proxy.partitioned = true;
        background.push(sleep(random.int(100, 1500)).then(() => (proxy.partitioned = false)));
      }
    } else {
      random.pick(proxies).rates = randomRates(random);
    }
    await sleep(random.int(2, 30));
  }

  // Heal and quiesce: every process up, the network clean, every outbox empty, every cursor at the head.
  faultsOn = false;
  trace('healing');
  await Promise.all(background);
  trace('healed; quiescing');
  for (const proxy of proxies) {
    proxy.rates = noFaults;
    proxy.partitioned = false;
  }
  for (const server of servers) if (!server.running) await server.start();
  for (const agent of agents) if (!agent.running && !restarting.has(agent)) await agent.start();

  const serverDb = await openPostgres(databaseUrl);
  const head = async () => (await serverDb.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'event_seq'`))[0]!.value;
  const deadline = Date.now() + (options.quiesceTimeoutMs ?? 60_000);
  let quiesced = false;
  let lastStatus = '';
  // After the outage an engine may be in a long backoff; the agent presses "sync now", as a person would.
  await Promise.all(agents.map((a) => a.send({ type: 'syncNow' })));
  while (Date.now() < deadline) {
    const target = await head();
    const statuses = await Promise.all(agents.map((a) => a.send({ type: 'status' })));
    lastStatus = JSON.stringify(statuses);
    if (statuses.every((s) => s && 'ok' in s && s.ok && s.outboxSize === 0 && s.cursor === target) && target === (await head())) {
      quiesced = true;
      break;
    }
    await sleep(100);
  }
  for (const agent of agents) await agent.send({ type: 'exit' });

  const invariants = await checkInvariants(serverDb, agents, acknowledged);
  invariants.unshift({ name: 'quiesced', ok: quiesced, detail: quiesced ? 'all outboxes empty, all cursors at the head' : `not within the timeout: ${lastStatus}` });
  await serverDb.close();
  await Promise.all(servers.map((s) => s.kill()));
  await Promise.all(proxies.map((p) => p.close()));
  fs.rmSync(workDir, { recursive: true, force: true });

  const sum = (key: 'dropped' | 'answersLost' | 'duplicated') => proxies.reduce((n, p) => n + p.stats[key], 0);
  return {
    seed,
    ...counts,
    acknowledged: acknowledged.size,
    dropped: sum('dropped'),
    answersLost: sum('answersLost'),
    duplicated: sum('duplicated'),
    invariants,
    ok: invariants.every((i) => i.ok),
    seconds: (performance.now() - started) / 1000,
  };
}

async function checkInvariants(
  serverDb: Awaited<ReturnType<typeof openPostgres>>,
  agents: Agent[],
  acknowledged: Map<string, Agent>,
): Promise<Invariant[]> {
  const serverEvents = await serverDb.query<{ id: string; seq: number; ticket_id: string; type: string; actor: string; at: Date; payload: unknown }>(
    `SELECT id, seq, ticket_id, type, actor, at, payload FROM events ORDER BY seq`,
  );
  const serverTickets = new Map(
    (await serverDb.query<{ id: string; state: unknown }>(`SELECT id, state FROM tickets`)).map((t) => [t.id, t.state]),
  );
  const onServer = new Map(serverEvents.map((e) => [e.id, e.seq]));

  const caches = agents.map((agent) => {
    const db = openDatabase(databaseFile(agent.dataDir), ownerOnlyCacheKey(agent.dataDir), { readonly: true });
    const events = db.prepare(`SELECT id, server_seq, status, reject_reason FROM ticket_events`).all() as {
      id: string;
      server_seq: number | null;
      status: string;
      reject_reason: string | null;
    }[];
    const outbox = (db.prepare(`SELECT count(*) AS n FROM outbox`).get() as { n: number }).n;
    const tickets = new Map((db.prepare(`SELECT id, state FROM tickets`).all() as { id: string; state: string }[]).map((t) => [t.id, JSON.parse(t.state) as unknown]));
    db.close();
    return { agent, events: new Map(events.map((e) => [e.id, e])), outbox, tickets };
  });

  const lost: string[] = [];
  for (const [eventId, agent] of acknowledged) {
    if (onServer.has(eventId)) continue;
    const local = caches.find((c) => c.agent === agent)!.events.get(eventId);
    if (!(local?.status === 'rejected' && local.reject_reason)) lost.push(`${eventId} (${local?.status ?? 'missing'} on ${agent.code})`);
  }
  const rejectedCount = caches.reduce((n, c) => n + [...c.events.values()].filter((e) => e.status === 'rejected').length, 0);

  // The same write stored twice would be two server events with the same content under new ids.
  const fingerprints = new Map<string, number>();
  for (const e of serverEvents) {
    if (e.actor === 'server') continue;
    const key = JSON.stringify([e.ticket_id, e.type, e.actor, e.at.toISOString(), e.payload]);
    fingerprints.set(key, (fingerprints.get(key) ?? 0) + 1);
  }
  const doubled = [...fingerprints.values()].filter((n) => n > 1).length;
  const createdTwice = new Set<string>();
  const seenCreated = new Set<string>();
  for (const e of serverEvents) if (e.type === 'created') (seenCreated.has(e.ticket_id) ? createdTwice : seenCreated).add(e.ticket_id);

  const missingInCache: string[] = [];
  for (const cache of caches) {
    for (const e of serverEvents) {
      const local = cache.events.get(e.id);
      if (!local || local.status !== 'confirmed' || local.server_seq !== e.seq) missingInCache.push(`${cache.agent.code}: ${e.id}#${e.seq}`);
    }
    for (const local of cache.events.values()) {
      if (local.status === 'confirmed' && onServer.get(local.id) !== local.server_seq) missingInCache.push(`${cache.agent.code} has ${local.id} the server does not`);
    }
  }
  const diverged: string[] = [];
  for (const [id, state] of serverTickets) {
    for (const cache of caches) if (!isDeepStrictEqual(cache.tickets.get(id), state)) diverged.push(`${id} on ${cache.agent.code}`);
  }
  const stuck = caches.filter((c) => c.outbox > 0).map((c) => `${c.agent.code}: ${c.outbox}`);
  const sample = (xs: string[]) => xs.slice(0, 3).join('; ') + (xs.length > 3 ? ` … (${xs.length})` : '');

  return [
    { name: 'acknowledged events kept', ok: lost.length === 0, detail: lost.length ? sample(lost) : `${acknowledged.size} acknowledged: on the server, or rejected with a reason (${rejectedCount})` },
    { name: 'exactly once on the server', ok: doubled === 0 && createdTwice.size === 0, detail: `${serverEvents.length} events, ${doubled} doubled writes, ${createdTwice.size} tickets created twice` },
    { name: 'every cache holds every event', ok: missingInCache.length === 0, detail: missingInCache.length ? sample(missingInCache) : `${caches.length} caches × ${serverEvents.length} events` },
    { name: 'replicas identical', ok: diverged.length === 0, detail: diverged.length ? sample(diverged) : `${serverTickets.size} tickets identical on the server and every cache` },
    { name: 'no outbox stuck', ok: stuck.length === 0, detail: stuck.length ? stuck.join(', ') : 'every outbox empty' },
  ];
}

export function formatReport(r: SeedReport): string {
  const head =
    `seed ${r.seed}: ${r.ok ? 'PASS' : 'FAIL'} in ${r.seconds.toFixed(1)} s — ${r.made} writes (${r.acknowledged} acknowledged), ` +
    `${r.workstationKills} workstation kills, ${r.serverKills} server kills, ${r.partitions} partitions, ` +
    `${r.dropped} requests dropped, ${r.answersLost} answers lost, ${r.duplicated} pushes duplicated`;
  return [head, ...r.invariants.map((i) => `  ${i.ok ? '✓' : '✗'} ${i.name}: ${i.detail}`)].join('\n');
}
