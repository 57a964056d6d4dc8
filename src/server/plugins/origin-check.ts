import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/result';

/**
 * The server's API is for workstation cores, phone switches and Open311 clients — programs, which
 * send no Origin header. A browser page from another site that tries to use a signed-in session
 * (CSRF) or the live socket sends its Origin, and is refused unless the centre lists it in
 * ALLOWED_ORIGINS. Open311 reads stay open to any page (GeoReport apps run in browsers), with CORS.
 */
export function registerOriginCheck(app: FastifyInstance, allowed: readonly string[]): void {
  // A refused WebSocket upgrade gets its 403, then its socket is ended: no upgrade happens, so
  // nothing else would end it, and it would hold the server open at shutdown.
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade && reply.statusCode >= 400) request.raw.socket.destroy();
  });
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/open311/')) {
      if (request.method === 'GET') reply.header('access-control-allow-origin', '*');
      return;
    }
    if (origin === undefined || allowed.includes(origin)) {
      if (origin) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      return;
    }
    throw new AppError(
      'forbidden',
      `Requests from ${origin} are refused: this server does not serve other sites' pages. An administrator can allow it with ALLOWED_ORIGINS.`,
    );
  });
}
