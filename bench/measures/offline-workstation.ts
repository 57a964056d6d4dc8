/**
 * Child process of the bench: a workstation that registers the peer measure's tickets while the
 * server cannot be reached (no server at all), each through `recordEvent` as the intake does, in
 * its own cache. Run while the centre is loaded into PostgreSQL, so the two set-ups share the time.
 */
import { recordEvent } from '../../src/main/store/ticket-store';
import { seededRandom } from '../../src/server/seed/random';
import { openBenchCore } from './bootstrap';
import { peerTickets } from './synthetic-centre';

const dataDir = process.env.HOTLINE_BENCH_DIR!;
const tickets = peerTickets(seededRandom(Number(process.env.HOTLINE_BENCH_SEED)), Number(process.env.HOTLINE_BENCH_COUNT));
const core = openBenchCore(dataDir, undefined, 'PEER');
const now = new Date().toISOString();
// A thousand to a transaction: one fsync per thousand tickets, not per ticket (set-up, not timed).
for (let i = 0; i < tickets.length; i += 1000)
  core.db.transaction(() => tickets.slice(i, i + 1000).forEach((event) => recordEvent(core.db, event, now)))();
await core.close();
console.log(`registered ${tickets.length}`);
