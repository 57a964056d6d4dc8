import { z } from 'zod';
import { serverApi as api } from '../../shared/server-api';
import { referencePageSchema } from '../../shared/server-api/reference';
import { fillPath, type RouteDefinition, type RouteInput, type RouteResult, searchOf, successStatus } from '../../shared/server-api/route';
import { appErrorSchema, type FieldIssue } from '../../shared/result';

/** The period and grouping of the monitor's rates (the route's query, without the format). */
type RatesPeriod = Omit<RouteInput<typeof api.monitor.rates>['query'], 'format'>;

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
    /** The fields (or import lines) the server refused, each with why. */
    readonly issues?: FieldIssue[],
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
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: ServerClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /**
   * Gives up every request still waiting for its answer, as unreachable. The live socket's
   * heartbeat found the server silent: they went into the same silence and would each wait out
   * their timeout, holding the sync round long after the network is back.
   */
  abandonInFlight(): void {
    for (const request of this.inFlight) request.abort(new Error('the server went silent (live socket heartbeat)'));
  }

  /**
   * Calls one route of the table: the URL from its path and query, the body as JSON, the answer
   * checked against its 2xx schema (text routes answer their text).
   */
  async request<R extends RouteDefinition>(route: R, input: RouteInput<R>, token: string | null): Promise<RouteResult<R>> {
    // The entry's own 2xx schema checks the answer.
    return this.exchange(route, input, token, route.responses[successStatus(route)]!) as Promise<RouteResult<R>>;
  }

  /**
   * The same call, its answer read with a more tolerant schema than the one the server writes by:
   * a page whose items are then checked one by one, so one this version cannot read stays alone.
   */
  requestReading<R extends RouteDefinition, S extends z.ZodType>(
    route: R,
    input: RouteInput<R>,
    token: string | null,
    schema: S,
  ): Promise<z.output<S>> {
    return this.exchange(route, input, token, schema);
  }

  private async exchange<S extends z.ZodType>(
    route: RouteDefinition,
    input: object,
    token: string | null,
    schema: S,
  ): Promise<z.output<S>> {
    // Widened to read the parts generically; `RouteInput<R>` has checked their types at the call.
    const { params, query, body } = input as { params?: object; query?: object; body?: unknown };
    const path = fillPath(route.path, params) + searchOf(query);
    const { status, text } = await this.send(route.method, path, token, route.body ? (body ?? {}) : undefined);
    if (status < 200 || status >= 300) return this.refusal(status, text);
    let answer: unknown = text;
    if (!route.produces) {
      try {
        answer = status === 204 ? null : JSON.parse(text);
      } catch {
        throw new ServerError('unreachable', `The server answered ${status} with something that is not JSON.`);
      }
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success)
      throw new ServerError('unreachable', `The server's answer to ${route.path} does not match the protocol; is it the same version?`);
    return parsed.data;
  }

  login(username: string, password: string, workstationId: string) {
    return this.request(api.auth.login, { body: { username, password, workstationId } }, null);
  }

  /** Ends the session on the server (204, no body); one the server no longer knows is ended already. */
  async logout(token: string): Promise<void> {
    await this.request(api.auth.logout, {}, token).catch((error: unknown) => {
      if (!(error instanceof ServerError) || error.kind === 'unreachable') throw error;
    });
  }

  push(token: string, events: readonly unknown[]) {
    return this.request(api.sync.push, { body: { events: [...events] } }, token);
  }

  pull(token: string, after: number, limit: number) {
    return this.request(api.sync.pull, { query: { after, limit } }, token);
  }

  bootstrap(token: string, query: { since: string; after: string; head: number; limit: number }) {
    return this.request(api.sync.bootstrap, { query }, token);
  }

  ticketHistories(token: string, ids: readonly string[]) {
    return this.request(api.sync.ticketHistories, { body: { ids: [...ids] } }, token);
  }

  callerIndex(token: string, query: { since: string; until: string; after: string; limit: number }) {
    return this.request(api.sync.callerIndex, { query }, token);
  }

  reference(token: string, after: number, limit: number) {
    return this.requestReading(api.sync.reference, { query: { after, limit } }, token, referencePageSchema);
  }

  monitorSnapshot(token: string) {
    return this.request(api.monitor.snapshot, {}, token);
  }

  monitorRates(token: string, query: RatesPeriod) {
    return this.request(api.monitor.rates, { query }, token);
  }

  /** The rates as the server writes the CSV file. */
  monitorRatesCsv(token: string, query: RatesPeriod): Promise<string> {
    return this.request(api.monitor.ratesCsv, { query }, token);
  }

  monitorRanking(token: string, month: string) {
    return this.request(api.monitor.ranking, { query: { month } }, token);
  }

  /** The month's ranking as the server writes the CSV file. */
  monitorRankingCsv(token: string, month: string): Promise<string> {
    return this.request(api.monitor.rankingCsv, { query: { month } }, token);
  }

  sendNotice(token: string, notice: { text: string; expiresInMinutes: number }) {
    return this.request(api.notices.send, { body: notice }, token);
  }

  noticesInForce(token: string) {
    return this.request(api.notices.inForce, {}, token);
  }

  withdrawNotice(token: string, id: string) {
    return this.request(api.notices.withdraw, { params: { id } }, token);
  }

  answerHand(token: string, username: string | undefined) {
    return this.request(api.monitor.answerHand, { body: username === undefined ? {} : { username } }, token);
  }

  linkIncident(token: string, incident: { title: string; ticketIds: string[] }) {
    return this.request(api.monitor.incident, { body: incident }, token);
  }

  private async send(method: string, path: string, token: string | null, body: unknown): Promise<{ status: number; text: string }> {
    const abandon = new AbortController();
    this.inFlight.add(abandon);
    try {
      return await this.fetchText(method, path, token, body, AbortSignal.any([AbortSignal.timeout(this.timeoutMs), abandon.signal]));
    } finally {
      this.inFlight.delete(abandon);
    }
  }

  private async fetchText(
    method: string,
    path: string,
    token: string | null,
    body: unknown,
    signal: AbortSignal,
  ): Promise<{ status: number; text: string }> {
    let response: Response;
    try {
      response = await this.fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      throw new ServerError('unreachable', `The server at ${this.options.baseUrl} did not answer: ${(error as Error).message}`);
    }
    // Decoded with any BOM kept: the CSV export carries one so that spreadsheets read it as UTF-8.
    const text = await response
      .arrayBuffer()
      .then((bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))
      .catch(() => '');
    if (response.status >= 500)
      throw new ServerError('unreachable', `The server failed (${response.status}); will retry.`, undefined, response.status);
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
    const error = z
      .object({ error: appErrorSchema })
      .transform((j) => j.error)
      .safeParse(json);
    const message = error.success ? error.data.message : `HTTP ${status}`;
    const { code, issues } = error.success ? error.data : { code: undefined, issues: undefined };
    throw new ServerError(status === 401 ? 'unauthenticated' : 'refused', message, code, status, issues);
  }
}
