import type { NoticeView } from '../../shared/server-api/notices';
import type { EventBus } from '../event-bus';

type Change = { kind: 'sent'; notice: NoticeView } | { kind: 'withdrawn'; id: string };

/**
 * The leads' notices in force, as this workstation knows them: read whole from the server each
 * time the live socket is welcomed (a sign-in, a reconnect), then kept current by the socket. The
 * UI reads it when it loads, so a reload shows what was on the status bar before.
 */
export class NoticeBoard {
  private notices = new Map<string, NoticeView>();
  /** Changes heard while a read is under way: the read may have been answered before them. */
  private heardDuringRead: Change[] | null = null;
  private reads = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => Date,
  ) {}

  /** The notices not yet expired, newest first. */
  current(): NoticeView[] {
    const now = this.now().getTime();
    return [...this.notices.values()]
      .filter((n) => Date.parse(n.expiresAt) > now)
      .sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  }

  heard(change: Change): void {
    this.heardDuringRead?.push(change);
    this.apply(change);
    this.changed();
  }

  /** Replaces the board with what the server holds now; a failed read leaves it as it was. */
  async refresh(read: () => Promise<NoticeView[]>): Promise<void> {
    const mine = ++this.reads;
    this.heardDuringRead = [];
    try {
      const inForce = await read();
      // A later read (a quicker reconnect) has the last word.
      if (mine !== this.reads) return;
      const heard = this.heardDuringRead ?? [];
      this.notices = new Map(inForce.map((n) => [n.id, n]));
      for (const change of heard) this.apply(change);
      this.changed();
    } finally {
      if (mine === this.reads) this.heardDuringRead = null;
    }
  }

  /** Nobody is signed in: nothing to show, and a read still under way must not refill it. */
  clear(): void {
    this.reads += 1;
    this.heardDuringRead = null;
    this.notices.clear();
    this.changed();
  }

  private apply(change: Change): void {
    if (change.kind === 'sent') this.notices.set(change.notice.id, change.notice);
    else this.notices.delete(change.id);
  }

  private changed(): void {
    this.bus.emit('notices.changed', { notices: this.current() });
  }
}
