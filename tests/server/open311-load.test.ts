import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bearer, engines, startTestServer } from './test-server';

/**
 * A GET on a connection of its own, from `localAddress`. The test and the server share one
 * process, and fetch's pool would queue the health check behind the reads on the client side,
 * measuring the client instead of the server. The body is kept as it came and decoded when asked:
 * decoding and parsing 200 pages during the burst would be the test's work on the server's loop.
 */
function get(url: string, localAddress = '127.0.0.1'): Promise<{ status: number; text: () => string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, localAddress }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: () => Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const readers = 200;
const pageSize = 100;
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(engines)('public Open311 reads under load on %s', (engine) => {
  it('answer 200 citizens reading a full page at once from one computed answer, while /healthz keeps answering', async () => {
    const server = await startTestServer(engine);
    const { app } = server;
    try {
      const admin = await server.token('admin');
      const { apiKey } = (
        await app.inject({ method: 'POST', url: '/api/admin/open311-keys', headers: bearer(admin), payload: { name: 'load' } })
      ).json() as { apiKey: string };
      for (let i = 0; i < pageSize; i++) {
        const filed = await app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          ...form({
            api_key: apiKey,
            service_code: 'water.outage',
            address_string: `劲松${i}号楼`,
            description: '停水'.repeat(50),
            'attribute[SCOPE]': 'building',
          }),
        });
        expect(filed.statusCode).toBe(200);
      }
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

      const healthMs: number[] = [];
      const probe = async () => {
        const started = performance.now();
        const health = await get(`${base}/healthz`);
        healthMs.push(performance.now() - started);
        expect(health.status).toBe(200);
      };
      // Each citizen from an address of its own, as many real clients would be: the per-address
      // allowance refuses none of them, so only the server's own handling of the load is measured.
      let settled = false;
      const reads = Promise.all(
        Array.from({ length: readers }, async (_, i) => {
          const started = performance.now();
          const answer = await get(`${base}/open311/v2/requests.json?page_size=${pageSize}`, `127.0.0.${i + 2}`);
          return { ...answer, ms: performance.now() - started };
        }),
      ).finally(() => {
        settled = true;
      });
      // Health is asked from the moment the reads are sent, before any can have been answered, and
      // back to back until the last is: every moment of the burst is sampled, and the slowest
      // answer is the one a load balancer would have seen.
      do await probe();
      while (!settled);

      const answers = await reads;
      const pages = answers.map((a) => [a.status, a.status === 200 ? (JSON.parse(a.text()) as unknown[]).length : a.text()]);
      expect(pages.filter(([status, count]) => status !== 200 || count !== pageSize)).toEqual([]);
      const readMs = answers.map((a) => a.ms).sort((a, b) => a - b);
      // The figure the README quotes (under a second on this machine); printed, not asserted: how
      // long anything takes depends on what else the machine runs, and a test must not.
      console.log(
        `${engine}: slowest of ${healthMs.length} health checks ${Math.round(Math.max(...healthMs))} ms, median read ${Math.round(readMs[readers / 2]!)} ms`,
      );
      // What does not depend on the machine: health was answered all through the burst, and the
      // 200 reads were served from a handful of computed answers (each one read is audited), not
      // 200 queries and renderings in a row on the server's event loop — which is what held
      // /healthz up for seconds before.
      expect(healthMs.length).toBeGreaterThan(0);
      const [row] = await server.db.query<{ computed: number }>(
        `SELECT count(*)::int AS computed FROM audit_log WHERE detail = 'open311 GET requests'`,
      );
      const computed = row?.computed ?? 0;
      expect(computed).toBeGreaterThan(0);
      expect(computed, 'answers computed for 200 identical reads').toBeLessThanOrEqual(5);
    } finally {
      await server.close();
    }
  });
});
