import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Core, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { bindIpc, createSenderCheck } from '../../src/main/ipc-binding';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import { callsByName } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/result';
import { dbState } from '../support/db-state';
import { FakeIpcMain } from '../support/fake-ipc-main';
import { tempDir } from '../support/temp-dir';
import { signInHere } from '../support/sign-in';
import { WsTestClient } from '../support/ws-client';

/**
 * Thousands of malformed inputs to every workstation call, through the IPC binding and the
 * browser host's WebSocket: wrong types, huge strings, deep nesting, SQL and HTML in text, lone
 * surrogates, prototype keys. Every answer must be a refusal that names the input, never an
 * internal error; the core must keep answering; and not one row may change.
 * An input the call's own contract accepts is not malformed and is not sent.
 */
const seed = 20261129;

function random(seedValue: number) {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hostileText = [
  "'; DROP TABLE tickets; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\ud800', // a lone surrogate: not valid UTF-16, has no UTF-8 form
  '\udfff\ud800',
  'a\u0000b',
  '\u202e蓝色\u202c',
  '../../../../etc/passwd',
  '%00%ff%fe',
  '😀'.repeat(1000),
  '水'.repeat(20_000),
  'x'.repeat(200_000),
  '',
  ' ',
];

/** Every field name the contract uses, so objects look plausible enough to reach deep validation. */
const fieldNames = [
  ...new Set(
    [...callsByName.values()].flatMap((spec) =>
      spec.input instanceof z.ZodObject ? Object.keys(spec.input.shape as Record<string, unknown>) : [],
    ),
  ),
  '__proto__',
  'constructor',
  'prototype',
];

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { fields: value };
  return value;
}

function malformed(next: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = Math.floor(next() * (depth > 2 ? 7 : 10));
  switch (kind) {
    case 0:
      return pick([null, true, false, 0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 3.14159]);
    case 1:
    case 2:
      return pick(hostileText);
    case 3:
      return pick([[], [1, 2, 3], ['a'], [null]]);
    case 4:
      return pick(['2026-13-45T25:61:00Z', 'not-a-uuid', '0192f0a0-0000-7000-8000-00000000000G', '110105', '-1', 'NaN', 'Infinity']);
    case 5:
      return nested(pick([50, 300, 1000]));
    case 6:
      return {};
    default: {
      const object: Record<string, unknown> = {};
      const keys = 1 + Math.floor(next() * 4);
      for (let i = 0; i < keys; i++) object[pick(fieldNames)] = malformed(next, depth + 1);
      return object;
    }
  }
}

/** Malformed inputs for one call: only those its contract refuses. */
function inputsFor(name: string, count: number, next: () => number): unknown[] {
  const spec = callsByName.get(name)!;
  const inputs: unknown[] = [];
  for (let tries = 0; inputs.length < count && tries < count * 20; tries++) {
    const input = malformed(next);
    if (!spec.input.safeParse(input ?? {}).success) inputs.push(input);
  }
  return inputs;
}

const refusalCodes = ['invalid_input', 'invalid_request', 'unknown_call'];

let core: Core;
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  await core?.close();
});

/** Signed in: the fuzz must reach each call's input check, not stop at the sign-in check before it. */
async function openWorkstation() {
  const dataDir = tempDir();
  core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: 'fuzz', workstationCode: 'FZ2Z' });
  await signInHere(core);
}

function tally(answers: Envelope<unknown>[]) {
  const codes: Record<string, number> = {};
  for (const answer of answers) {
    const code = answer.ok ? 'ok' : answer.error.code;
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}

describe('fuzzing every workstation call', () => {
  it('through the IPC binding: thousands of malformed inputs, all refused as invalid, nothing written', async () => {
    await openWorkstation();
    const ipc = new FakeIpcMain();
    bindIpc(ipc, core.dispatch, createSenderCheck('app://workstation/index.html'));
    const before = dbState(core.db);
    const next = random(seed);
    const answers: Envelope<unknown>[] = [];
    const names = [...callsByName.keys()];
    for (const name of names) {
      for (const input of inputsFor(name, 60, next)) answers.push(await ipc.invoke('app://workstation/index.html', { call: name, input }));
    }
    // Requests that are not even { call, input }.
    for (let i = 0; i < 200; i++) answers.push(await ipc.invoke('app://workstation/index.html', malformed(next)));

    console.log(`[fuzz ipc] ${answers.length} malformed calls over ${names.length} calls: ${JSON.stringify(tally(answers))}`);
    expect(answers.length).toBeGreaterThan(2000);
    expect(answers.filter((a) => a.ok || !refusalCodes.includes(a.error.code))).toEqual([]);
    expect(dbState(core.db)).toEqual(before);
    expect(await ipc.invoke('app://workstation/index.html', { call: 'app.info', input: {} })).toMatchObject({ ok: true });
  });

  it('through the browser host WebSocket: malformed calls and garbage frames, the host stays up, nothing written', async () => {
    await openWorkstation();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startWebHost({ core, port: 0, staticDir, log: { error: () => {}, warn: () => {}, info: () => {} } });
    const before = dbState(core.db);
    const next = random(seed + 1);
    let agent = await WsTestClient.connect(host.url);
    const answers: Envelope<unknown>[] = [];
    for (const name of callsByName.keys()) {
      for (const input of inputsFor(name, 12, next)) {
        const answer = await agent.call(name, input);
        if (answer) answers.push(answer);
      }
    }
    // Frames that are not calls at all, or calls nested past any parser's stack: each gets a refusal back, and the socket stays open.
    const deep = 100_000; // deeper than any recursive parser's stack
    const frames = [
      '',
      'null',
      '[]',
      '{',
      '{"type":"invoke"}',
      '{"type":"invoke","id":"x","call":1}',
      '{"type":"subscribe"}',
      '['.repeat(deep) + ']'.repeat(deep),
      `{"type":"invoke","id":1,"call":"drafts.save","input":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}`,
    ];
    for (let i = 0; i < 200; i++) frames.push(JSON.stringify(malformed(next)));
    for (const frame of frames) agent.sendRaw(frame);
    for (let i = 0; i < frames.length; i++) {
      const reply = await agent.next((m) => m.type !== 'event');
      if (reply.type !== 'event') answers.push(reply.result as Envelope<unknown>);
    }
    expect(await agent.call('app.info', {})).toMatchObject({ ok: true });

    // Bytes that are not UTF-8 in a text frame: the socket is closed (1007), the host is not.
    const closed = new Promise<number>((resolve) => agent.ws.once('close', (code) => resolve(code)));
    agent.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0xaf, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    agent = await WsTestClient.connect(host.url);
    expect(await agent.call('app.info', {})).toMatchObject({ ok: true });
    agent.close();

    console.log(
      `[fuzz ws] ${answers.length - frames.length} malformed calls and ${frames.length} garbage frames: ${JSON.stringify(tally(answers))}`,
    );
    expect(answers.length).toBeGreaterThan(650);
    expect(answers.filter((a) => a.ok || !refusalCodes.includes(a.error.code))).toEqual([]);
    expect(dbState(core.db)).toEqual(before);
  });
});
