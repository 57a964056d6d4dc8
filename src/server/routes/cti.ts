import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { AppError } from '../../shared/result';
import { callFiguresToday } from '../cti/call-figures-queries';
import { recordCtiEvent } from '../cti/calls';
import { recordWrapUp } from '../cti/wrapup';
import { currentUser } from '../plugins/auth';
import { issueSwitchToken, listSwitches, switchForToken } from '../cti/switches';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

export const ctiRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  registerRoute(app, db, serverApi.cti.event, async (request) => {
    const found = await switchForToken(db, request.params.token);
    if (!found) throw new AppError('unauthenticated', 'Unknown switch token: ask an administrator for the CTI URL of this switch.');
    return { call: await recordCtiEvent(db, found.id, request.body) };
  });
  registerRoute(app, db, serverApi.cti.wrapUp, async (request) =>
    recordWrapUp(db, { callId: request.params.callId, code: request.body.code, username: currentUser(request).username }),
  );
  registerRoute(app, db, serverApi.cti.figures, async () =>
    callFiguresToday(db, { timeZone: config.timeZone, thresholdSeconds: config.serviceLevelSeconds }),
  );
  registerRoute(app, db, serverApi.cti.switches, async () => ({ switches: await listSwitches(db) }));
  registerRoute(app, db, serverApi.cti.issueSwitch, async (request) => issueSwitchToken(db, request.body.name));
};
