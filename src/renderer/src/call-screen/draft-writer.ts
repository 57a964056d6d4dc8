export interface DraftWrite {
  id: string;
  body: Record<string, string>;
  /** The form has moved on to another intake; this one waits in the drafts list. */
  parked: boolean;
}

export interface DraftWriter {
  /** Queues the draft's latest value; an older value of it still waiting is replaced. */
  write(draft: DraftWrite): void;
}

/**
 * Saves drafts as they change, coalesced rather than debounced: one save in flight at a time, and
 * as soon as it answers the newest value of each draft waiting goes next. Steady typing is saved
 * every round trip (a few ms), never held back until the agent pauses, so a crash loses at most
 * the keys of one round trip; a core slower than the typing gets fewer, bigger saves. Drafts are
 * written in the order they first waited, so a parked draft lands before the one that replaced it.
 */
export function createDraftWriter(send: (draft: DraftWrite) => Promise<unknown>): DraftWriter {
  const waiting = new Map<string, DraftWrite>();
  let busy = false;
  const next = () => {
    const draft = waiting.values().next().value;
    if (busy || !draft) return;
    waiting.delete(draft.id);
    busy = true;
    // `send` reports its own failures (the sticky "not saved" notice); the next change tries again.
    void send(draft)
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        next();
      });
  };
  return {
    write(draft) {
      waiting.set(draft.id, draft);
      next();
    },
  };
}
