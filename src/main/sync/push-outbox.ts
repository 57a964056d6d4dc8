import type { Refusal } from '../../shared/domain/refusal';
import type { TicketEvent } from '../../shared/domain/ticket';
import { maxPushBatch, maxPushBatchBytes } from '../../shared/server-api/sync';
import type { Db } from '../store/database';
import { countServerFailure, newestConfirmedEvent, type OutboxEntry, outboxEntries, rejectLocally } from '../store/outbox-store';
import { applyPushResults } from '../store/sync-store';
import { type ServerClient, ServerError } from './server-client';

export interface PushContext {
  db: Db;
  client: ServerClient;
  token: string;
  /** False once the engine is stopping: the push ends between two requests. */
  running: () => boolean;
  /** After each answer (or local rejection) is stored, with the tickets it touched. */
  stored: (ticketIds: string[]) => void;
}

/**
 * How many times the server must fail on one event sent alone — each time while it answered
 * another push at once — before that event is set aside as rejected.
 */
export const serverFailuresBeforeRejecting = 3;

/** The push stopped at an event the server failed on while it took other pushes: `failures` times so far. */
export class PushHeld extends ServerError {
  constructor(
    cause: ServerError,
    readonly failures: number,
  ) {
    super('unreachable', cause.message, cause.code, cause.status);
  }
}

const envelopeBytes = Buffer.byteLength(JSON.stringify({ events: [] }));
const kib = (bytes: number) => Math.ceil(bytes / 1024);

/**
 * What a failed push says about the events in it:
 * `refused` — the server read the batch and refused it whole (400, 413, 422): something in it is
 *   wrong, and sending it again will not help;
 * `crashed` — the server failed while handling it (500 and the like): a poison event, or the
 *   server itself;
 * `transient` — no verdict on the events: no answer, a timeout, a gateway or a restarting server
 *   (502, 503, 504), throttling, or a refusal of the session or role rather than of the content.
 */
function verdictOf(error: ServerError): 'refused' | 'crashed' | 'transient' {
  const status = error.status;
  if (status === 400 || status === 413 || status === 422) return 'refused';
  if (status !== undefined && status >= 500 && ![502, 503, 504].includes(status)) return 'crashed';
  return 'transient';
}

/**
 * Sends the whole outbox, oldest first, in batches capped by count and by serialized bytes.
 * Nothing is dropped and nothing wedges:
 * - an event too large to send even alone, or one this version cannot read, is rejected here
 *   with its refusal, and the rest goes on;
 * - a batch the server refuses or fails on is split in halves, recursively, until the event
 *   responsible is alone; the halves before it are delivered (the server stores a batch in one
 *   transaction, so a failed one left nothing behind, and resending is idempotent by event id);
 * - an event refused alone is rejected with the server's words at once: a refusal is a verdict;
 * - an event the server fails on alone might be poison, or the server might be failing for
 *   everyone. So the server is asked to take a harmless push at once (an event it has already
 *   stored, which it can only answer "duplicate"): if that fails too, the server is at fault and
 *   nothing is counted. If it succeeds, one failure is counted against the event, in its outbox
 *   row, so restarts do not reset it; only the third such failure, each in a round of its own
 *   after a short backoff, rejects the event. A server crash that hits one event by chance thus
 *   costs a retry rather than a rejection. Until then the push stops there: the events behind
 *   wait rather than overtake it (a note must not reach the server before its ticket).
 * An unreachable server never gets anything rejected: transient failures end the push as they are.
 * Throws the failure that ended the push; returns when the outbox is empty or the engine stops.
 */
export async function pushOutbox(ctx: PushContext): Promise<void> {
  for (;;) {
    if (!ctx.running()) return;
    const { events, more } = nextBatch(ctx);
    if (events.length === 0) return;
    await pushSplitting(ctx, events);
    // A short batch took everything there was: events written meanwhile go up in the next round.
    if (!more) return;
  }
}

/**
 * The push of a sync round, which goes on to pull whatever happened to it: the failure that
 * ended the push, or null. Only a session the server no longer accepts stops the round (throws).
 */
export async function pushOutboxUnlessSignedOut(ctx: PushContext): Promise<unknown> {
  try {
    await pushOutbox(ctx);
    return null;
  } catch (error) {
    if (error instanceof ServerError && error.kind === 'unauthenticated') throw error;
    return error;
  }
}

/** The oldest events that fit one push; those that can never be sent are rejected on the way. */
function nextBatch(ctx: PushContext): { events: TicketEvent[]; more: boolean } {
  for (;;) {
    const entries = outboxEntries(ctx.db, maxPushBatch);
    const events: TicketEvent[] = [];
    let bytes = envelopeBytes;
    for (const entry of entries) {
      const size = entry.bytes + (events.length > 0 ? 1 : 0);
      if (entry.event && bytes + size <= maxPushBatchBytes) {
        events.push(entry.event);
        bytes += size;
        continue;
      }
      if (events.length > 0) return { events, more: true };
      ctx.stored(rejectLocally(ctx.db, entry.id, cannotSend(entry)));
      break;
    }
    if (events.length > 0 || entries.length === 0)
      return { events, more: entries.length === maxPushBatch || events.length < entries.length };
  }
}

/** Why an event that is never sent was rejected: too large even alone, or unreadable to this version. */
function cannotSend(entry: OutboxEntry): Refusal {
  if (envelopeBytes + entry.bytes > maxPushBatchBytes) {
    return { code: 'too_large', params: { kib: kib(entry.bytes), maxKib: kib(maxPushBatchBytes - envelopeBytes) } };
  }
  return { code: 'unreadable', params: { detail: entry.problem ?? '' } };
}

async function pushSplitting(ctx: PushContext, events: readonly TicketEvent[]): Promise<void> {
  let failure: ServerError;
  try {
    const { results } = await ctx.client.push(ctx.token, events);
    ctx.stored(applyPushResults(ctx.db, results));
    return;
  } catch (error) {
    if (!(error instanceof ServerError) || error.kind === 'unauthenticated' || verdictOf(error) === 'transient') throw error;
    failure = error;
  }
  if (events.length > 1) {
    const half = Math.ceil(events.length / 2);
    await pushSplitting(ctx, events.slice(0, half));
    if (ctx.running()) await pushSplitting(ctx, events.slice(half));
    return;
  }
  const event = events[0]!;
  if (verdictOf(failure) === 'refused') {
    const refusal: Refusal = { code: 'server_refused', params: { status: failure.status ?? 0, detail: failure.message } };
    ctx.stored(rejectLocally(ctx.db, event.id, refusal));
    return;
  }
  if (!(await serverTakesPushes(ctx))) throw failure;
  const failures = countServerFailure(ctx.db, event.id, failure.message);
  if (failures < serverFailuresBeforeRejecting) throw new PushHeld(failure, failures);
  ctx.stored(rejectLocally(ctx.db, event.id, { code: 'server_failed', params: { status: failure.status ?? 0, failures } }));
}

/**
 * Whether the server handles a push at all just now: it is sent again an event it already has.
 * A cache with nothing confirmed yet has nothing to ask with; the failures are then counted on
 * the event's word alone.
 */
async function serverTakesPushes(ctx: PushContext): Promise<boolean> {
  const known = newestConfirmedEvent(ctx.db);
  if (!known) return true;
  try {
    await ctx.client.push(ctx.token, [known]);
    return true;
  } catch (error) {
    if (error instanceof ServerError && error.kind === 'unauthenticated') throw error;
    return false;
  }
}
