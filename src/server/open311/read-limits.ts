import { Open311Error } from './requests';

/**
 * Public reads per client address: a bucket of `perMinute` reads that refills continuously, so a
 * client may burst up to its allowance and then reads at the steady rate. Per process: behind a
 * load balancer each process counts on its own, which only loosens the limit by their number.
 */
export class ReadRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one read for `client`, or throws a 429 saying when to try again. */
  take(client: string): void {
    const now = this.now();
    const refill = (bucket: { tokens: number; at: number }) =>
      Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    // Buckets that have filled up again say nothing a new one would not: forget them, so the map
    // stays as small as the set of clients that read recently.
    if (this.buckets.size > 10_000)
      for (const [key, bucket] of this.buckets) if (refill(bucket) >= this.perMinute) this.buckets.delete(key);
    const bucket = this.buckets.get(client);
    const tokens = bucket ? refill(bucket) : this.perMinute;
    if (tokens < 1) {
      const seconds = Math.ceil(((1 - tokens) * 60_000) / this.perMinute / 1000);
      throw new Open311Error(429, `too many requests from this address; try again in ${seconds} s`, { 'retry-after': String(seconds) });
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now });
  }
}

/**
 * At most `concurrency` public reads use the database at once; the rest wait here, in memory,
 * and past `maxWaiting` are told to come back. The database queue (PGlite has one connection, a
 * pool has a few) then never fills with public reads, so health checks, sync and sign-in, which
 * do not pass this gate, are answered at once however many citizens read.
 */
export class ReadGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly onChange: (load: { running: number; waiting: number }) => void = () => {},
  ) {}

  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else {
      if (this.waiting.length >= this.maxWaiting)
        throw new Open311Error(503, 'the server is busy answering other reads; try again in a few seconds', { 'retry-after': '5' });
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.report();
      });
    }
    this.report();
    try {
      return await read();
    } finally {
      // The slot passes straight to the next waiting read, so none can overtake it, but only after
      // the event loop has looked for I/O: on PGlite a query completes without any, and reads
      // handed on at once would run back to back and keep every other request from being read.
      const next = this.waiting.shift();
      if (next) setImmediate(next);
      else this.running -= 1;
      this.report();
    }
  }

  private report(): void {
    this.onChange({ running: this.running, waiting: this.waiting.length });
  }
}
