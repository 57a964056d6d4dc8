import type { FastifyPluginAsync } from 'fastify';
import { entriesOf } from '../../shared/domain/reference';
import { chooseRoute } from '../../shared/domain/routing-choice';
import { serverApi } from '../../shared/server-api';
import { currentUser } from '../plugins/auth';
import { importReference, listReference, referenceHistory, saveReference } from '../reference/reference-admin';
import { readReferenceCsv, referenceCsv } from '../reference/reference-csv';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** The administrator's console on reference data; every write is pushed to the live sockets on commit. */
export const referenceAdminRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  const api = serverApi.referenceAdmin;

  registerRoute(app, db, api.list, async (request) => ({ items: await listReference(db, request.query.kind) }));

  registerRoute(app, db, api.save, async (request) => saveReference(db, request.body, currentUser(request).username));

  registerRoute(app, db, api.history, async (request) => ({
    versions: await referenceHistory(db, request.query.kind, request.query.code),
  }));

  registerRoute(app, db, api.exportCsv, async (request, reply) => {
    const { kind } = request.query;
    const csv = referenceCsv(
      kind,
      (await listReference(db, kind)).map((item) => item.entry),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${kind}.csv"`).send(csv);
  });

  registerRoute(app, db, api.importCsv, async (request) => {
    const { kind, csv, apply } = request.body;
    return importReference(db, readReferenceCsv(kind, csv), currentUser(request).username, apply);
  });

  registerRoute(app, db, api.routingPreview, async (request) => {
    const { category, districtCode, streetCode } = request.query;
    const [rules, proposals, units] = await Promise.all([
      listReference(db, 'routingRule'),
      listReference(db, 'routingProposal'),
      listReference(db, 'unit'),
    ]);
    const entries = [...rules, ...proposals, ...units].map((item) => item.entry);
    const retired = new Set(
      entriesOf(entries, 'unit')
        .filter((u) => u.body.active === false)
        .map((u) => u.code),
    );
    return chooseRoute(
      { category, districtCode: districtCode || undefined, streetCode: streetCode || undefined },
      entriesOf(entries, 'routingRule'),
      entriesOf(entries, 'routingProposal'),
      (code) => !retired.has(code),
    );
  });
};
