import type { User } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import type { Db } from '../store/database';
import { checkVerifier, forgetVerifier, LocalAttempts, rememberVerifier } from '../store/credential-store';
import { type ServerClient, ServerError } from './server-client';
import { SessionStore } from './session-store';

export interface SessionSignInOptions {
  db: Db;
  /** Null when no server is configured: only users who signed in here before can, against their verifiers. */
  client: ServerClient | null;
  workstationId: string;
  now: () => Date;
}

interface Login {
  username: string;
  password: string;
}

/** The server only throttled the login (429): it said nothing about the password. */
const throttled = (error: ServerError) => error.status === 429 || error.code === 'rate_limited' || error.code === 'throttled';

/** What asking the server for a deferred session came to. */
export type DeferredOutcome = 'signed_in' | 'retry' | 'refused';

/**
 * Who is signed in on this workstation, and how: with a session the server granted, or offline
 * against the verifier of the password the server last accepted here. Every data call and every
 * write depends on `signedIn()`; listeners hear each change of it.
 */
export class SessionSignIn {
  readonly session: SessionStore;
  private readonly attempts: LocalAttempts;
  private readonly listeners = new Set<() => void>();
  /**
   * After an offline sign-in with a server configured, the password stays in this process's memory
   * (never on disk) until the server can be asked for a session; then it is dropped.
   */
  private deferred: Login | null = null;
  /** Signed in against a verifier on a workstation with no server to ask. */
  private offlineOnly: string | null = null;

  constructor(private readonly options: SessionSignInOptions) {
    this.session = new SessionStore(options.db, options.now, () => this.changed());
    this.attempts = new LocalAttempts(options.db, options.now);
  }

  /** Called after every change of who is signed in (sign-in, sign-out, a session the server ended). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A session the server accepts, or an offline sign-in this process checked. */
  signedIn(): boolean {
    return this.session.token() !== null || this.deferred !== null || (this.offlineOnly !== null && this.session.current() !== null);
  }

  /** The user of the session kept here, signed in or not (the sign-in dialog offers the name). */
  knownUser(): User | null {
    return this.session.current()?.user ?? null;
  }

  /** The signed-in user, the actor of everything written here; null when nobody is signed in. */
  user(): User | null {
    return this.signedIn() ? this.knownUser() : null;
  }

  get deferredLogin(): Login | null {
    return this.deferred;
  }

  /**
   * Online when the server answers; otherwise, for a user who signed in here before, against the
   * verifier of the password the server last accepted, and the server is asked once it answers.
   */
  async signIn(username: string, password: string): Promise<User> {
    this.refuseWhileThrottled(username);
    const { client } = this.options;
    if (!client)
      return this.signInOffline(username, password, 'No central server is configured for this workstation (HOTLINE_SERVER_URL)', null);
    try {
      const user = await this.loginOnline(client, username, password);
      this.attempts.succeeded(username);
      return user;
    } catch (error) {
      if (!(error instanceof ServerError)) throw error;
      if (error.kind === 'unreachable')
        return this.signInOffline(username, password, `Cannot reach the server to sign in: ${error.message}`, { username, password });
      if (throttled(error))
        throw new AppError(
          'rate_limited',
          `The server is refusing sign-ins for ${username} for now (${error.message}); wait, or ask an administrator.`,
        );
      // Only a password the server refuses must stop opening this workstation offline.
      if (error.kind === 'unauthenticated') forgetVerifier(this.options.db, username);
      throw new AppError('unauthenticated', error.message);
    }
  }

  /** The screen lock's check: against the verifier here, or the server for a user without one. */
  async checkPassword(username: string, password: string): Promise<void> {
    this.refuseWhileThrottled(username);
    const known = await checkVerifier(this.options.db, username, password);
    if (known === 'unknown') {
      await this.signIn(username, password);
      return;
    }
    if (known === 'wrong') {
      this.attempts.failed(username);
      throw new AppError('unauthenticated', 'Wrong password.');
    }
    this.attempts.succeeded(username);
  }

  /** Forgets the session here and ends it on the server; offline, the token is wiped and simply expires there. */
  async signOut(): Promise<void> {
    const token = this.session.current()?.token ?? null;
    this.deferred = null;
    this.offlineOnly = null;
    this.session.clear();
    this.changed();
    if (token && this.options.client) await this.options.client.logout(token).catch(() => undefined);
  }

  /** Asks the server for the session an offline sign-in is waiting for. */
  async completeDeferred(login: Login): Promise<DeferredOutcome> {
    if (!this.options.client) return 'refused';
    try {
      await this.loginOnline(this.options.client, login.username, login.password);
      return 'signed_in';
    } catch (error) {
      if (error instanceof ServerError && (error.kind === 'unreachable' || throttled(error))) return 'retry';
      // The server refuses the password (changed, account disabled): the agent must sign in again.
      this.deferred = null;
      if (error instanceof ServerError && error.kind === 'unauthenticated') forgetVerifier(this.options.db, login.username);
      this.session.expire();
      this.changed();
      if (!(error instanceof ServerError)) throw error;
      return 'refused';
    }
  }

  private async loginOnline(client: ServerClient, username: string, password: string): Promise<User> {
    const { db, now, workstationId } = this.options;
    const session = await client.login(username, password, workstationId);
    await rememberVerifier(db, session.user, password, now());
    this.deferred = null;
    this.offlineOnly = null;
    this.session.save({ token: session.token, expiresAt: session.expiresAt, user: session.user });
    this.changed();
    return session.user;
  }

  private async signInOffline(username: string, password: string, why: string, deferred: Login | null): Promise<User> {
    const known = await checkVerifier(this.options.db, username, password);
    if (known === 'unknown') {
      throw new AppError(
        'unavailable',
        `${why}. ${username} has not signed in on this workstation before, so the password cannot be checked offline.`,
      );
    }
    if (known === 'wrong') {
      this.attempts.failed(username);
      throw new AppError('unauthenticated', 'Wrong password (checked on this workstation: the server cannot be reached).');
    }
    this.attempts.succeeded(username);
    this.deferred = deferred;
    this.offlineOnly = deferred ? null : username;
    this.session.save({ token: null, expiresAt: this.options.now().toISOString(), user: known });
    this.changed();
    return known;
  }

  private refuseWhileThrottled(username: string): void {
    const wait = this.attempts.waitFor(username);
    if (wait > 0) {
      throw new AppError(
        'rate_limited',
        `Too many wrong passwords for ${username} on this workstation; try again in ${Math.ceil(wait / 60_000)} min.`,
      );
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
