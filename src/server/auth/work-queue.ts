/** Thrown at once, instead of waiting, when a `WorkQueue`'s waiting line is full. */
export class QueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('busy');
  }
}

/**
 * Runs at most `concurrency` jobs at a time and lets at most `maxWaiting` more wait; anything beyond
 * is refused at once. Password hashing is CPU and memory bound: a burst of sign-ins queued without
 * bound would hold every connection for as long as the whole burst takes to hash.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** A running average of how long one job takes, for telling a refused caller when to come back. */
  private averageMs = 250;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length >= this.maxWaiting) throw new QueueFull(this.retryAfterSeconds());
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const started = performance.now();
    try {
      return await job();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      // The slot passes straight to the next in line, so a newcomer cannot overtake the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Roughly when the line now waiting will have been served. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((((this.waiting.length + this.running) / this.concurrency) * this.averageMs) / 1000));
  }
}
