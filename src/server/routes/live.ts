import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { serverApi } from '../../shared/server-api';
import type { User } from '../../shared/server-api/auth';
import { type LiveServerMessage, liveClientMessageSchema } from '../../shared/server-api/live';
import { type LiveSession, sessionForToken } from '../auth/sessions';
import { eventHead } from '../events/pull';
import { presenceRefusal, recordHand, recordPresence } from '../live/agent-presence';
import type { RouteContext } from './context';
import { registerSocketRoute } from './register-route';

const helloTimeoutMs = 5000;

const send = (socket: WebSocket, message: LiveServerMessage) => socket.send(JSON.stringify(message));

/**
 * `/api/live`: the first message must be `hello` with a session token; then the server sends
 * `events` hints and (to leads) presence, and takes the agent's presence. When the session ends
 * (sign-out, revocation, expiry, a role change) the hub closes the socket with 4401 and nothing
 * more is sent or taken.
 */
export const liveRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, live, metrics }) => {
  registerSocketRoute(app, db, serverApi.live.live, (socket, request) => {
    metrics.liveClients.inc();
    let user: User | null = null;
    let session: LiveSession | null = null;
    let ended = false;
    let greeted = false;
    let workstationId: string | null = null;
    let remove = () => {};
    const timer = setTimeout(() => user || socket.close(4401, 'send hello with a session token first'), helloTimeoutMs);

    // One message at a time, in the order sent: a break and the return from it must not swap places.
    let handled = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      handled = handled
        .then(async () => {
          if (ended) return;
          let json: unknown;
          try {
            json = isBinary ? undefined : JSON.parse(data.toString());
          } catch {
            json = undefined;
          }
          const parsed = liveClientMessageSchema.safeParse(json);
          if (!parsed.success) {
            send(socket, { type: 'error', code: 'invalid_request', message: 'Expected { type: "hello" | "presence" | "help", ... }.' });
            return;
          }
          const message = parsed.data;
          if (message.type === 'hello') {
            if (greeted) return send(socket, { type: 'error', code: 'invalid_request', message: 'Already signed in on this socket.' });
            greeted = true;
            const found = await sessionForToken(db, message.token);
            if (!found) return socket.close(4401, 'session missing, expired or revoked');
            clearTimeout(timer);
            user = found.user;
            session = found;
            workstationId = message.workstationId ?? null;
            remove = await live.add(socket, found, () => {
              ended = true;
            });
            // Closed while being registered: the close handler ran before there was anything to remove.
            if (socket.readyState !== socket.OPEN) remove();
            const head = await eventHead(db);
            if (!ended) send(socket, { type: 'welcome', head });
            return;
          }
          if (!user || !session) return socket.close(4401, 'send hello with a session token first');
          if (message.type === 'help') {
            await recordHand(db, user.id, message.raised, session.id);
            return;
          }
          const refusal = await presenceRefusal(db, message.state, message.reason ?? null);
          if (refusal) return send(socket, { type: 'error', code: 'invalid_request', message: refusal });
          await recordPresence(db, user.id, { state: message.state, reason: message.reason ?? null, workstationId, sessionId: session.id });
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'live message failed'));
    });

    socket.on('close', () => {
      clearTimeout(timer);
      remove();
      const gone = user;
      // An agent whose last socket closed is shown as disconnected, not as whatever they last were.
      // After whatever this socket sent before it closed.
      if (gone && !live.connectedUsers().has(gone.id)) {
        handled = handled
          .then(() => recordPresence(db, gone.id, { state: 'disconnected', reason: null, workstationId, sessionId: null }))
          .then(
            () => undefined,
            (error: unknown) => request.log.warn({ err: error }, 'presence update failed'),
          );
      }
    });
  });
};
