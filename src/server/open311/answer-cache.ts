/**
 * Identical public reads share one answer for a moment: the first computes it, the others that
 * arrive while it runs or within `ttlMs` after get the same text. A burst of the same read (a
 * dashboard refreshed by hundreds of citizens, a map reloaded) then costs one query and one
 * rendering, not hundreds, and the event loop stays free for everything else. Only public answers
 * go in, keyed by the normalised query; a failed computation is not kept.
 */
export class PublicAnswerCache {
  private readonly entries = new Map<string, { answer: Promise<string>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  answer(key: string, compute: () => Promise<string>): Promise<string> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.answer;
    if (this.entries.size >= this.maxEntries) for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
    const answer = compute();
    // Until the computation ends the entry never expires, so every read that arrives meanwhile waits for it.
    const fresh = { answer, until: Number.POSITIVE_INFINITY };
    if (this.entries.size < this.maxEntries) this.entries.set(key, fresh);
    answer.then(
      () => {
        fresh.until = this.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return answer;
  }

  /** Forgets every answer, also those being computed: the next read of each asks the database. */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * The answers of one server's public reads, shared by the routes that read and those that change
 * what is public: a request filed, published or taken off shows at the next read on this server
 * (on another process behind the same database, within the time to live).
 */
// Long enough to fold a burst of the same read into one, short enough that a change made
// through another process shows within a second or two.
export const publicAnswerCache = () => new PublicAnswerCache(1_500);

/** The same key for queries that ask the same thing, whatever the order or repetition of their list items. */
export const queryKey = (parts: Record<string, string | number | readonly string[] | null>) =>
  JSON.stringify(Object.entries(parts).map(([name, value]) => [name, Array.isArray(value) ? [...new Set(value)].sort() : value]));
