import { z } from 'zod';
import { loginResponseSchema } from '../../shared/server-api/auth';
import { referencePageSchema } from '../../shared/server-api/reference';
import { bootstrapResponseSchema, callerIndexResponseSchema, pullResponseSchema, pushResponseSchema, ticketHistoryResponseSchema } from '../../shared/server-api/sync';
import { incidentResponseSchema, monitorSnapshotSchema, ratesResponseSchema } from '../../shared/server-api/monitor';
import { appErrorSchema } from '../../shared/result';

/**
 * Why a call to the server failed, as the sync engine must tell it apart:
 * `unreachable` — no answer (network, timeout, 5xx): retry later, keep everything;
 * `unauthenticated` — the session is gone: ask the agent to sign in again, keep everything;
 * `refused` — the server answered no (bad password, throttled, invalid request): say why.
 */
export class ServerError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'unauthenticated' | 'refused',
    message: string,
    readonly code?: string,
    /** The HTTP status, when the server answered at all (429 is a throttle, never a verdict on the password). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

export interface ServerClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The central server's HTTP API as the workstation uses it; every answer checked against its schema. */
export class ServerClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: ServerClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  login(username: string, password: string, workstationId: string) {
    return this.call('POST', '/api/auth/login', null, { username, password, workstationId }, loginResponseSchema);
  }

  /** Ends the session on the server (204, no body). */
  async logout(token: string): Promise<void> {
    await this.send('POST', '/api/auth/logout', token, undefined);
  }

  push(token: string, events: readonly unknown[]) {
    return this.call('POST', '/api/sync/push', token, { events }, pushResponseSchema);
  }

  pull(token: string, after: number, limit: number) {
    return this.call('GET', `/api/sync/pull?after=${after}&limit=${limit}`, token, undefined, pullResponseSchema);
  }

  bootstrap(token: string, query: { since: string; after: string; head: number; limit: number }) {
    const params = new URLSearchParams({ since: query.since, after: query.after, head: String(query.head), limit: String(query.limit) });
    return this.call('GET', `/api/sync/bootstrap?${params}`, token, undefined, bootstrapResponseSchema);
  }

  ticketHistories(token: string, ids: readonly string[]) {
    return this.call('POST', '/api/sync/tickets', token, { ids }, ticketHistoryResponseSchema);
  }

  callerIndex(token: string, query: { since: string; until: string; after: string; limit: number }) {
    const params = new URLSearchParams({ since: query.since, until: query.until, after: query.after, limit: String(query.limit) });
    return this.call('GET', `/api/sync/caller-index?${params}`, token, undefined, callerIndexResponseSchema);
  }

  reference(token: string, after: number, limit: number) {
    return this.call('GET', `/api/reference?after=${after}&limit=${limit}`, token, undefined, referencePageSchema);
  }

  monitorSnapshot(token: string) {
    return this.call('GET', '/api/monitor/snapshot', token, undefined, monitorSnapshotSchema);
  }

  monitorRates(token: string, query: { from: string; to: string; by: string }) {
    return this.call('GET', `/api/monitor/rates?${new URLSearchParams(query)}`, token, undefined, ratesResponseSchema);
  }

  /** The rates as the server writes the CSV file. */
  async monitorRatesCsv(token: string, query: { from: string; to: string; by: string }): Promise<string> {
    const { status, text } = await this.send('GET', `/api/monitor/rates.csv?${new URLSearchParams(query)}`, token, undefined);
    if (status >= 200 && status < 300) return text;
    return this.refusal(status, text);
  }

  sendNotice(token: string, text: string) {
    return this.call('POST', '/api/monitor/notices', token, { text }, z.strictObject({ id: z.string(), sentAt: z.string() }));
  }

  linkIncident(token: string, incident: { title: string; ticketIds: string[] }) {
    return this.call('POST', '/api/monitor/incidents', token, incident, incidentResponseSchema);
  }

  private async send(method: string, path: string, token: string | null, body: unknown): Promise<{ status: number; text: string }> {
    let response: Response;
    try {
      response = await this.fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ServerError('unreachable', `The server at ${this.options.baseUrl} did not answer: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500) throw new ServerError('unreachable', `The server failed (${response.status}); will retry.`, undefined, response.status);
    return { status: response.status, text };
  }

  /** A 4xx answer as the error it is: the session is gone (401), or the server refused with its reason. */
  private refusal(status: number, text: string): never {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ServerError('unreachable', `The server answered ${status} with something that is not JSON.`, undefined, status);
    }
    const error = z.object({ error: appErrorSchema }).transform((j) => j.error).safeParse(json);
    const message = error.success ? error.data.message : `HTTP ${status}`;
    throw new ServerError(status === 401 ? 'unauthenticated' : 'refused', message, error.success ? error.data.code : undefined, status);
  }

  private async call<S extends z.ZodType>(method: string, path: string, token: string | null, body: unknown, schema: S): Promise<z.output<S>> {
    const { status, text } = await this.send(method, path, token, body);
    if (status < 200 || status >= 300) return this.refusal(status, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ServerError('unreachable', `The server answered ${status} with something that is not JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ServerError('unreachable', `The server's answer to ${path} does not match the protocol; is it the same version?`);
    return parsed.data;
  }
}
