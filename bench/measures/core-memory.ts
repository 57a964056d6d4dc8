/** Child process of the bench: opens a workstation core on a cache, serves lookups, prints its memory. */
import { openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { signInBench } from './bootstrap';

const dataDir = process.argv[2]!;
const core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: 'bench', workstationCode: 'BNCH' });
await signInBench(core);
const phones = core.db
  .prepare<[], { phone: string }>(`SELECT caller_phone AS phone FROM tickets WHERE caller_phone IS NOT NULL LIMIT 500`)
  .all();
for (const { phone } of phones) await core.dispatch('callers.history', { phone });
for (const query of ['水', '停水', '暖气不热', '噪音', '路灯'].flatMap((q) => Array<string>(40).fill(q)))
  await core.dispatch('tickets.search', { query });
console.log(JSON.stringify({ rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
await core.close();
