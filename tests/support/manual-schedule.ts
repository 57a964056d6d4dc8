import type { Schedule } from '../../src/shared/backoff';

interface Wait {
  ms: number;
  run: () => void;
  state: 'pending' | 'fired' | 'cancelled';
}

/**
 * A clock for backoff tests: records every wait the code asks for and ends one only when the test
 * says so, so the delays can be read without waiting them out.
 */
export function manualSchedule() {
  const waits: Wait[] = [];
  const schedule: Schedule = (run, ms) => {
    const wait: Wait = { ms, run, state: 'pending' };
    waits.push(wait);
    return () => {
      if (wait.state === 'pending') wait.state = 'cancelled';
    };
  };
  const pending = () => waits.filter((w) => w.state === 'pending');
  return {
    schedule,
    /** Every wait asked for so far, in order, cancelled ones included. */
    delays: () => waits.map((w) => w.ms),
    pending,
    /** Ends the oldest pending wait now, as if its time had come. */
    fire(): number {
      const wait = pending()[0];
      if (!wait) throw new Error('nothing is waiting');
      wait.state = 'fired';
      wait.run();
      return wait.ms;
    },
  };
}
