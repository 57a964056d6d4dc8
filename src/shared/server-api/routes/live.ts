import { z } from 'zod';
import { defineRoute } from '../route';

export const liveRoutes = {
  live: defineRoute({
    method: 'GET',
    path: '/api/live',
    summary: 'The live WebSocket: hints, calls, presence, monitor deltas and notices',
    description:
      'Upgrade to a WebSocket. The first message must be `{ "type": "hello", "token": … }` with a session token (not in the URL, ' +
      'where logs would keep it); the socket closes with 4401 without one, and when the session ends. Messages: `liveClientMessageSchema` ' +
      'and `liveServerMessageSchema` in src/shared/server-api/live.ts.',
    access: 'public',
    websocket: true,
    responses: { 101: z.null() },
  }),
};
