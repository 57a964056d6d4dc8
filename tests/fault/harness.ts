import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgres } from '../../src/server/db/postgres';
import { type Random, seededRandom } from '../../src/server/seed/random';
import { demoPassword } from '../../src/server/seed/seed';
import { prepareCentre } from '../server/centre';
import { type ChildProcessHandle, startChildServer } from '../support/child-host';
import { createDatabase, freePort } from '../support/postgres-cluster';
import { FaultProxy, type FaultRates, noFaults } from './fault-proxy';
import { checkInvariants, type Invariant } from './invariants';
import { bulkTickets, type PoisonKind, pickPoison, revoker } from './poison';
import type { AgentReply, AgentRequest } from './workstation-agent';

export { formatReport } from './invariants';

const root = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SeedOptions {
  steps?: number;
  workstations?: number;
  servers?: number;
  quiesceTimeoutMs?: number;
}

export interface SeedReport {
  seed: number;
  made: number;
  acknowledged: number;
  workstationKills: number;
  serverKills: number;
  partitions: number;
  poison: number;
  revocations: number;
  bulks: number;
  dropped: number;
  answersLost: number;
  duplicated: number;
  invariants: Invariant[];
  ok: boolean;
  seconds: number;
}

/** Every server and workstation process running, so a seed whose harness broke can stop its own. */
const live = new Set<{ kill(): Promise<void> }>();
export const stopLeftovers = () => Promise.all([...live].map((p) => p.kill()));

/** A central server process on a fixed port, so it can be killed and started again behind its proxies. */
class ServerProcess {
  private handle: ChildProcessHandle | null = null;
  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}
  /** Starts it, trying again if a start fails (a slow machine, a port not yet released). */
  async start(attempts = 5): Promise<void> {
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
    live.add(this);
  }
  get running() {
    return this.handle !== null;
  }
  async kill() {
    const handle = this.handle;
    this.handle = null;
    live.delete(this);
    await handle?.kill();
  }
}

/** A workstation core process; it keeps its data folder across kills. */
export class Agent {
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
    live.add(this);
    child.on('exit', () => {
      if (this.child === child) {
        this.child = null;
        live.delete(this);
      }
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
 * the sync guarantees (docs/architecture.md) are checked.
 */
export async function runSeed(seed: number, postgresUrl: string, options: SeedOptions = {}): Promise<SeedReport> {
  const started = performance.now();
  const random = seededRandom(seed);
  const steps = options.steps ?? 150;
  const databaseUrl = await freshDatabase(postgresUrl, seed);
  const servers = await Promise.all(
    Array.from({ length: options.servers ?? 2 }, async () => new ServerProcess(databaseUrl, await freePort())),
  );
  await Promise.all(servers.map((s) => s.start()));

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `hotline-fault-${seed}-`));
  const users = ['agent1', 'agent2', 'agent3'];
  const proxies: FaultProxy[] = [];
  const agents: Agent[] = [];
  for (let i = 0; i < (options.workstations ?? 3); i++) {
    const proxy = new FaultProxy(servers[i % servers.length]!.port, seededRandom(seed * 1000 + i));
    proxies.push(proxy);
    agents.push(
      new Agent(`FT${'23456789'[i]}${'ABCDEFGH'[i]}`, users[i % users.length]!, path.join(workDir, `ws${i}`), await proxy.start()),
    );
  }
  await Promise.all(agents.map((a) => a.start()));

  const serverDb = await openPostgres(databaseUrl);
  const acknowledged = new Map<string, Agent>();
  const tickets: string[] = [];
  const counts = { made: 0, workstationKills: 0, serverKills: 0, partitions: 0, poison: 0, revocations: 0, bulks: 0 };
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

  const poison = new Map<string, { agent: Agent; kind: PoisonKind }>();
  const poisonStep = pickPoison(seed);
  const signOutEverywhere = revoker(serverDb, () => servers.find((s) => s.running)?.port ?? null);
  const makePoison = async (agent: Agent) => {
    const step = poisonStep();
    if (step === null) return;
    if (step === 'revoke') {
      if (await signOutEverywhere(agent.username)) counts.revocations += 1;
    } else if (step === 'bulk') {
      // A burst made while the network is down: the outbox holds more than one push may carry.
      const proxy = proxies[agents.indexOf(agent)]!;
      const wasPartitioned = proxy.partitioned;
      proxy.partitioned = true;
      counts.made += bulkTickets;
      const reply = await agent.send({ type: 'bulk', count: bulkTickets, description: '补录来电：楼道灯不亮，电梯停运，'.repeat(300) });
      for (const made of reply && 'made' in reply ? (reply.made ?? []) : []) {
        acknowledged.set(made.eventId, agent);
        tickets.push(made.ticketId);
      }
      counts.bulks += 1;
      if (!wasPartitioned) proxy.partitioned = false;
    } else {
      const reply = await agent.send({ type: 'poison', kind: step, ...(tickets.length ? { ticketId: tickets.at(-1) } : {}) });
      if (reply && 'ok' in reply && reply.ok && reply.eventId) {
        poison.set(reply.eventId, { agent, kind: step });
        counts.poison += 1;
      }
    }
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
      const other = random.pick(
        agents.filter((a) => a !== agent && a.running).length ? agents.filter((a) => a !== agent && a.running) : [agent],
      );
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
        // A restart that fails (a machine too busy to start it in time) leaves it down until the healing.
        background.push(sleep(random.int(100, 800)).then(() => server.start().catch(() => undefined)));
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
    await makePoison(agent);
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

  const invariants = await checkInvariants(serverDb, agents, acknowledged, poison);
  invariants.unshift({
    name: 'quiesced',
    ok: quiesced,
    detail: quiesced ? 'all outboxes empty, all cursors at the head' : `not within the timeout: ${lastStatus}`,
  });
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
