import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { createRequest } from '../../src/server/open311/requests';
import { engines, startTestServer, testConfig, type TestServer } from './test-server';

describe.each(engines)('Open311 answers kept per server on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('a second server on the same database computes its own answers, so it never serves what the first one kept', async () => {
    const second = await buildServer({ db: server.db, config: testConfig(), logger: false });
    try {
      const list = async (app: typeof second) => {
        const response = await app.inject({ url: '/open311/v2/requests.json' });
        expect(response.statusCode).toBe(200);
        return response.json<{ service_request_id: string }[]>();
      };
      expect(await list(server.app)).toEqual([]);
      // Filed behind both servers' backs, as another process would: neither is told to forget.
      const filed = await createRequest(
        server.db,
        'city-app',
        { service_code: 'water.outage', address_string: '朝阳区劲松三区112号楼', 'attribute[SCOPE]': 'home' },
        'Asia/Shanghai',
      );
      expect((await list(second)).map((r) => r.service_request_id)).toEqual([filed.serviceRequestId]);
    } finally {
      await second.close();
    }
  });
});
