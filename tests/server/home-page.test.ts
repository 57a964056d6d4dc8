import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

// The page reads nothing from the database: one engine is enough.
describe('the server’s own address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(() => server.close());

  it('answers a short page in both languages saying where the workstation and the API description are, allowing no script', async () => {
    const response = await server.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).toContain('坐席工作站');
    expect(response.body).toContain('workstation');
    expect(response.body).toContain('href="/openapi.json"');
    expect(response.body).not.toContain('<script');
    expect((await server.app.inject({ url: '/openapi.json' })).statusCode).toBe(200);
  });
});
