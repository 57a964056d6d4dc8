/**
 * One workstation core as a child process of the fault harness (`fork` with IPC). It opens the
 * real core on a real SQLite file, signs in (retrying through the faulty network), and turns the
 * harness's commands into the same calls the UI makes. It reports a write only after the core
 * answered it: that is what "acknowledged to the agent" means.
 */
import { openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { nextInSequence, recordEvent } from '../../src/main/store/ticket-store';
import { newId } from '../../src/shared/domain/ids';
import { formatProvisionalNumber } from '../../src/shared/domain/provisional-number';
import { intakeFields } from '../support/fixtures';
import { writeRawOutboxEvent } from '../support/raw-outbox';
import type { PoisonKind } from './poison';

export type AgentCommand =
  | { id: number; type: 'create'; description: string }
  | { id: number; type: 'note'; ticketId: string; text: string }
  | { id: number; type: 'update'; ticketId: string; callerWants: string }
  | { id: number; type: 'close' | 'reopen'; ticketId: string }
  | { id: number; type: 'bulk'; count: number; description: string }
  | { id: number; type: 'poison'; kind: PoisonKind; ticketId?: string }
  | { id: number; type: 'status' }
  | { id: number; type: 'syncNow' }
  | { id: number; type: 'exit' };

/** A command without its id, member by member (a plain Omit would merge the union). */
export type AgentRequest = AgentCommand extends infer C ? (C extends AgentCommand ? Omit<C, 'id'> : never) : never;

export type AgentReply =
  | {
      id: number;
      ok: true;
      eventId?: string;
      ticketId?: string;
      outboxSize?: number;
      cursor?: number;
      connection?: string;
      made?: { eventId: string; ticketId: string }[];
    }
  | { id: number; ok: false; error: string }
  | { ready: true };

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const core = openCore({
  dataDir: env('AGENT_DATA_DIR'),
  cacheKey: ownerOnlyCacheKey(env('AGENT_DATA_DIR')),
  host: 'web',
  version: 'fault',
  workstationCode: env('AGENT_CODE'),
  serverUrl: env('AGENT_SERVER_URL'),
  syncPollMs: 150,
  log: { error: () => {}, warn: () => {}, info: () => {} },
});
const username = env('AGENT_USERNAME');
const reply = (message: AgentReply) => process.send?.(message);
const lastEventId = () => (core.db.prepare(`SELECT id FROM ticket_events ORDER BY local_seq DESC LIMIT 1`).get() as { id: string }).id;

async function signIn() {
  while (!core.sync!.session.token()) {
    const result = await core.dispatch('auth.signIn', { username, password: env('AGENT_PASSWORD') });
    if (result.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signed out under way (the harness revoked the session): the agent signs in again, as a person would in the dialog. */
function keepSignedIn() {
  let signingIn = false;
  setInterval(() => {
    if (signingIn || core.sync!.sessionLive()) return;
    signingIn = true;
    void core.dispatch('auth.signIn', { username, password: env('AGENT_PASSWORD') }).finally(() => (signingIn = false));
  }, 200).unref();
}

/**
 * POISON, written as an older or faulty workstation would have left it: straight into the cache's
 * event log and outbox through the store layer, past every check the core makes at intake (which
 * refuses all of these). No projection is written: this release could not fold such an event.
 */
function writePoison(kind: PoisonKind, ticketId: string | undefined): string {
  const at = new Date().toISOString();
  const created = (fields: Record<string, unknown>, when = at) => ({
    ticketId: newId(),
    type: 'created',
    at: when,
    payload: {
      provisionalNo: formatProvisionalNumber(core.identity.code, nextInSequence(core.db, 'provisional_no')),
      fields: { ...intakeFields, ...fields },
    },
  });
  const poison = {
    nul: () => created({ description: `楼内停水\u0000第${at}次` }),
    oversize: () => created({ description: '楼内停水，'.repeat(900) }),
    huge: () => created({ description: '长'.repeat(600_000) }),
    malformedTime: () => created({}, '2026-13-45T25:61:00.000Z'),
    absurdTime: () => created({}, '1970-01-01T00:00:00.000Z'),
    unknownUnit: () => ({
      ticketId: ticketId ?? newId(),
      type: 'dispatched',
      at,
      payload: { unitCodes: ['street:999999999'], leadUnitCode: 'street:999999999' },
    }),
  }[kind]();
  const id = newId();
  writeRawOutboxEvent(core.db, { id, ...poison, actor: username, origin: core.identity.code }, at);
  core.sync?.wake();
  return id;
}

process.on('message', (raw) => {
  const command = raw as AgentCommand;
  void (async (): Promise<AgentReply> => {
    switch (command.type) {
      case 'create': {
        const result = await core.dispatch('tickets.create', { fields: { ...intakeFields, description: command.description } });
        return result.ok
          ? { id: command.id, ok: true, eventId: lastEventId(), ticketId: (result.value as { id: string }).id }
          : { id: command.id, ok: false, error: result.error.message };
      }
      case 'note': {
        const result = await core.dispatch('tickets.addNote', { id: command.ticketId, text: command.text });
        return result.ok
          ? { id: command.id, ok: true, eventId: lastEventId() }
          : { id: command.id, ok: false, error: result.error.message };
      }
      case 'update': {
        const result = await core.dispatch('tickets.update', { id: command.ticketId, changes: { callerWants: command.callerWants } });
        return result.ok
          ? { id: command.id, ok: true, eventId: lastEventId() }
          : { id: command.id, ok: false, error: result.error.message };
      }
      case 'close':
      case 'reopen': {
        // The lifecycle calls arrive with the routing issue; the harness uses the same write path.
        const at = new Date().toISOString();
        const payload = command.type === 'close' ? { resolution: 'withdrawn' as const } : { reason: '来电人不满意' };
        try {
          recordEvent(
            core.db,
            {
              id: newId(),
              ticketId: command.ticketId,
              type: command.type,
              at,
              actor: username,
              origin: core.identity.code,
              payload,
            } as never,
            at,
          );
          core.sync?.wake();
          return { id: command.id, ok: true, eventId: lastEventId() };
        } catch (error) {
          return { id: command.id, ok: false, error: (error as Error).message };
        }
      }
      case 'bulk': {
        // Tickets made through the core one after another, as an agent catching up on paper notes would.
        const made: { eventId: string; ticketId: string }[] = [];
        for (let i = 0; i < command.count; i++) {
          const result = await core.dispatch('tickets.create', {
            fields: { ...intakeFields, description: `${i}：${command.description}`.slice(0, 4000) },
          });
          if (!result.ok) break;
          made.push({ eventId: lastEventId(), ticketId: (result.value as { id: string }).id });
        }
        return { id: command.id, ok: true, made };
      }
      case 'poison':
        return { id: command.id, ok: true, eventId: writePoison(command.kind, command.ticketId) };
      case 'syncNow':
        await core.dispatch('sync.now', {});
        return { id: command.id, ok: true };
      case 'status': {
        const status = core.sync!.status();
        const cursor = core.db.prepare(`SELECT cursor FROM sync_cursors WHERE stream = 'events'`).get() as { cursor: string } | undefined;
        return {
          id: command.id,
          ok: true,
          outboxSize: status.outboxSize,
          connection: status.connection,
          cursor: Number(cursor?.cursor ?? 0),
        };
      }
      case 'exit':
        await core.close();
        reply({ id: command.id, ok: true });
        process.exit(0);
    }
  })().then(reply, (error: unknown) => reply({ id: command.id, ok: false, error: String(error) }));
});

// The harness went away (it failed or was stopped): do not linger holding the cache.
process.on('disconnect', () => process.exit(1));

await signIn();
keepSignedIn();
reply({ ready: true });
