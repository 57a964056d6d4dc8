import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPeople } from '../../src/server/auth/people';
import { type ReferenceItem, referenceResponseSchema } from '../../src/shared/server-api/reference';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)("people's names as reference data on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const people = async () => {
    const response = await server.app.inject({ url: '/api/reference?after=0&limit=5000', headers: bearer(await server.token('agent1')) });
    const items: ReferenceItem[] = referenceResponseSchema.parse(response.json()).items;
    return new Map(items.flatMap((i) => (i.kind === 'person' ? [[i.code, i.body.name] as const] : [])));
  };

  it("gives the workstations every user's display name by username, versioning only what changed", async () => {
    expect(await publishPeople(server.db)).toBeGreaterThanOrEqual(8);
    const names = await people();
    expect(names.get('agent2')).toBe('李强');
    expect(names.get('unit.jinsong')).toBe('劲松街道办事处');
    expect(await publishPeople(server.db)).toBe(0);
  });

  it('publishes the name of a user the admin creates', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: bearer(await server.token('admin')),
      payload: { username: 'agent.new', displayName: '陈晨', role: 'agent', unitCode: null, password: 'a-long-password-1' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await people()).get('agent.new')).toBe('陈晨');
  });
});
