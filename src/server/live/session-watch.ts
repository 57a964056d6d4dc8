import { liveSessions } from '../auth/sessions';
import type { Queryable } from '../db/database';
import type { LiveClient } from './live-hub';
import { errorMessage } from '../../shared/error-message';

// setTimeout's longest delay; a session that lasts longer is simply looked at again then.
const longestTimer = 2 ** 31 - 1;
/** A timer that fires a little before the database's clock says the session ended tries again this soon. */
const retryMs = 250;

/**
 * Keeps each live socket no longer than its session: a timer at the session's expiry, and a
 * re-read whenever any process announces that sessions ended. The database decides; a socket
 * whose session is gone, or whose user's role or unit changed, is ended through `end`.
 */
export class SessionWatch {
  private readonly timers = new Map<LiveClient, NodeJS.Timeout>();

  constructor(
    private readonly db: Queryable,
    private readonly log: Pick<Console, 'warn'>,
    private readonly end: (client: LiveClient, reason: string) => void,
  ) {}

  watch(client: LiveClient, floorMs = 0): void {
    this.unwatch(client);
    const delay = Math.min(Math.max(client.session.expiresAt.getTime() - Date.now(), floorMs), longestTimer);
    this.timers.set(
      client,
      setTimeout(() => void this.recheck([client]), delay),
    );
  }

  unwatch(client: LiveClient): void {
    clearTimeout(this.timers.get(client));
    this.timers.delete(client);
  }

  /** Reads the clients' sessions again and ends those no longer live as they were. */
  async recheck(clients: readonly LiveClient[]): Promise<void> {
    try {
      const live = await liveSessions(this.db, [...new Set(clients.map((c) => c.session.id))]);
      for (const client of clients) {
        const now = live.get(client.session.id);
        const user = client.session.user;
        if (!now) this.end(client, 'session ended: signed out, revoked or expired');
        else if (now.user.role !== user.role || now.user.unitCode !== user.unitCode) this.end(client, 'role changed: sign in again');
        else if (this.timers.has(client)) {
          client.session = now;
          this.watch(client, retryMs);
        }
      }
    } catch (error) {
      // The database could not say: look again shortly rather than keep an unchecked socket for the rest of its session.
      this.log.warn('[live] session check failed', errorMessage(error));
      for (const client of clients) if (this.timers.has(client)) this.watch(client, 5 * retryMs);
    }
  }
}
