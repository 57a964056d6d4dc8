import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/result';
import { CallError, createClient } from './client';
import type { Transport } from './transport';

/** A transport that answers whatever the test says: the client must not believe a bad wire. */
function scripted(answer: (call: string, input: unknown) => unknown) {
  const listeners = new Set<(frame: unknown) => void>();
  const sent: { call: string; input: unknown }[] = [];
  const transport: Transport = {
    invoke: async (call, input) => {
      sent.push({ call, input });
      return answer(call, input);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    linkState: () => 'open',
    onLinkState: () => () => {},
  };
  return { transport, sent, push: (frame: unknown) => listeners.forEach((l) => l(frame)) };
}

describe('typed client', () => {
  it('sends the contract name and an empty input for argument-less calls', async () => {
    const wire = scripted(() => ok({ connection: 'not_configured', outboxSize: 0, rejected: 0, lastSyncAt: null, bootstrap: null }));
    const { api } = createClient(wire.transport);
    expect(await api.sync.status()).toEqual({
      connection: 'not_configured',
      outboxSize: 0,
      rejected: 0,
      lastSyncAt: null,
      bootstrap: null,
    });
    expect(wire.sent).toEqual([{ call: 'sync.status', input: {} }]);
  });

  it('throws a CallError carrying the code and field issues', async () => {
    const wire = scripted(() => fail('invalid_input', 'bad', [{ path: 'fields.description', message: 'required' }]));
    const { api } = createClient(wire.transport);
    const error = await api.drafts.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({ code: 'invalid_input', call: 'drafts.list', issues: [{ path: 'fields.description' }] });
  });

  it('rejects answers that break the contract or the envelope', async () => {
    const { api } = createClient(
      scripted(() => ok({ connection: 'teleporting', outboxSize: -1, rejected: 0, lastSyncAt: null })).transport,
    );
    await expect(api.sync.status()).rejects.toThrow();
    const { api: api2 } = createClient(scripted(() => ({ value: 1 })).transport);
    await expect(api2.sync.status()).rejects.toThrow();
  });

  it('delivers only pushed events that match their schema', () => {
    const wire = scripted(() => ok(null));
    const { on } = createClient(wire.transport);
    const seen: unknown[] = [];
    const stop = on.sync.status((status) => seen.push(status));
    wire.push({ event: 'sync.status', payload: { connection: 'online', outboxSize: 2, rejected: 0, lastSyncAt: null, bootstrap: null } });
    wire.push({ event: 'sync.status', payload: { connection: 'online' } });
    wire.push({ event: 'nope.nothing', payload: {} });
    wire.push('garbage');
    stop();
    wire.push({ event: 'sync.status', payload: { connection: 'online', outboxSize: 3, rejected: 0, lastSyncAt: null, bootstrap: null } });
    expect(seen).toEqual([{ connection: 'online', outboxSize: 2, rejected: 0, lastSyncAt: null, bootstrap: null }]);
  });
});
