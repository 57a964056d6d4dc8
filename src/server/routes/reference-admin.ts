import type { FastifyPluginAsync } from 'fastify';
import { entriesOf } from '../../shared/domain/reference';
import { chooseRoute } from '../../shared/domain/routing-choice';
import { serverApi } from '../../shared/server-api';
import { currentUser } from '../plugins/auth';
import { categoryClass, importReference, listReference, referenceHistory, saveReference } from '../reference/reference-admin';
import { readReferenceCsv, referenceCsv } from '../reference/reference-csv';
import type { EditableKind } from '../../shared/server-api/reference-admin';
import { refreshOpenDeadlines } from '../events/event-rows';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

const deadlineKinds = new Set<EditableKind>(['slaPolicy', 'calendarDay', 'category']);

/** The administrator's console on reference data; every write is pushed to the live sockets on commit. */
export const referenceAdminRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  const api = serverApi.referenceAdmin;
  /** A time limit, a calendar day or a category's class moves the deadlines of open tickets: worked out again before the answer. */
  const afterWrite = async (kind: EditableKind) => {
    if (deadlineKinds.has(kind)) await refreshOpenDeadlines(db, config.timeZone);
  };

  registerRoute(app, db, api.list, async (request) => ({ items: await listReference(db, request.query.kind) }));

  registerRoute(app, db, api.save, async (request) => {
    const { entry } = request.body;
    // A category's class is all of it a deadline reads (its names and keywords move none), and a new one has no tickets.
    const classBefore = entry.kind === 'category' ? await categoryClass(db, entry.code) : undefined;
    const saved = await saveReference(db, request.body, currentUser(request).username);
    if (entry.kind !== 'category' || (classBefore !== undefined && (entry.body.sla ?? null) !== classBefore))
      await afterWrite(entry.kind as EditableKind);
    return saved;
  });

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
    const result = await importReference(db, readReferenceCsv(kind, csv), currentUser(request).username, apply);
    if (result.applied && result.created + result.changed > 0) await afterWrite(kind);
    return result;
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
