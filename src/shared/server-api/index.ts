import type { RouteDefinition } from './route';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { ctiRoutes } from './routes/cti';
import { healthRoutes } from './routes/health';
import { liveRoutes } from './routes/live';
import { monitorRoutes } from './routes/monitor';
import { noticeRoutes } from './routes/notices';
import { open311AdminRoutes, open311Routes } from './routes/open311';
import { referenceAdminRoutes } from './routes/reference-admin';
import { syncRoutes } from './routes/sync';
import { ticketRoutes } from './routes/tickets';
import { unitRoutes } from './routes/units';

/**
 * Every HTTP route of the central server, declared once, by area. The server registers its routes
 * from these entries (and refuses to start with a route outside them); the workstation calls them.
 */
export const serverApi = {
  health: healthRoutes,
  auth: authRoutes,
  sync: syncRoutes,
  tickets: ticketRoutes,
  monitor: monitorRoutes,
  notices: noticeRoutes,
  admin: adminRoutes,
  referenceAdmin: referenceAdminRoutes,
  cti: ctiRoutes,
  units: unitRoutes,
  open311Admin: open311AdminRoutes,
  open311: open311Routes,
  live: liveRoutes,
};

const isRoute = (value: unknown): value is RouteDefinition =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'responses' in value;

/** Every entry of the table, flattened (for the registration check and the tests). */
export function allRoutes(table: object = serverApi): RouteDefinition[] {
  return Object.values(table).flatMap((value: unknown) =>
    isRoute(value) ? [value] : typeof value === 'object' && value !== null ? allRoutes(value) : [],
  );
}
