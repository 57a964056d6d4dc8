import { z } from 'zod';
import { userSchema } from '../../shared/server-api/auth';
import type { Db } from '../store/database';
import { readSetting, writeSetting } from '../store/settings-store';

const key = 'sync.session';
const sessionSchema = z.strictObject({
  /** Null once the server refused it: the agent must sign in again; the user stays known. */
  token: z.string().nullable(),
  expiresAt: z.string(),
  user: userSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * The agent's server session. It lives in the main process's database only: the renderer is
 * told who is signed in, never the token. Kept across restarts so a crash does not log the agent out.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    /** The server ended the session (refused the token): whoever shows who is signed in must hear it. */
    private readonly onExpired: () => void = () => {},
  ) {}

  current(): Session | null {
    return readSetting(this.db, key, sessionSchema) ?? null;
  }

  /** A token the server should still accept, or null. */
  token(): string | null {
    const session = this.current();
    if (!session?.token || Date.parse(session.expiresAt) <= this.now().getTime()) return null;
    return session.token;
  }

  save(session: Session): void {
    writeSetting(this.db, key, session, this.now().toISOString());
  }

  /** The server no longer accepts the token; remember who it was so the agent only re-types the password. */
  expire(): void {
    const session = this.current();
    if (!session?.token) return;
    this.save({ ...session, token: null });
    this.onExpired();
  }

  clear(): void {
    this.db.prepare(`DELETE FROM settings WHERE key = ?`).run(key);
  }
}
