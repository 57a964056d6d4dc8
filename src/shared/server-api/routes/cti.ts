import { z } from 'zod';
import { callFiguresResponseSchema } from '../call-figures';
import { ctiEventSchema, ctiResponseSchema, newSwitchSchema, switchTokenSchema, wrapUpBodySchema, wrapUpResponseSchema } from '../cti';
import { defineRoute } from '../route';

/**
 * The phone switch reports calls here (screen-pop, caller log, queue monitor). The token in the
 * path names the switch: switches of this kind cannot send headers, only a configured URL.
 */
export const ctiRoutes = {
  event: defineRoute({
    method: 'POST',
    path: '/api/cti/:token',
    summary: 'A call event from a phone switch (generic CTI: newCall, answer, hangup), JSON or form-encoded',
    description: 'No session: the token in the path is the switch’s password.',
    access: 'public',
    params: z.strictObject({ token: z.string().min(20).max(200) }),
    body: ctiEventSchema,
    responses: { 200: ctiResponseSchema },
  }),
  wrapUp: defineRoute({
    method: 'POST',
    path: '/api/calls/:callId/wrapup',
    summary: 'The wrap-up code the agent who answered a call gives it after the hang-up (again: the later code replaces it)',
    description: 'An unknown or retired code is refused (409, refusal unknown_wrapup) and changes nothing.',
    access: ['agent', 'lead'],
    params: z.strictObject({ callId: z.string().min(1).max(128) }),
    body: wrapUpBodySchema,
    responses: { 200: wrapUpResponseSchema },
  }),
  figures: defineRoute({
    method: 'GET',
    path: '/api/calls/figures',
    summary: "Today's call figures (offered, answered, abandoned, service level, ASA, AHT) in total, per queue and per hour",
    description:
      'Hours and the day are the centre’s (TIMEZONE); the service-level threshold is SERVICE_LEVEL_SECONDS. Definitions: src/shared/domain/call-figures.ts.',
    access: ['lead', 'admin'],
    responses: { 200: callFiguresResponseSchema },
  }),
  switches: defineRoute({
    method: 'GET',
    path: '/api/admin/cti-switches',
    summary: 'Registered phone switches',
    access: ['admin'],
    responses: { 200: z.object({ switches: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })) }) },
  }),
  issueSwitch: defineRoute({
    method: 'POST',
    path: '/api/admin/cti-switches',
    summary: 'Register a switch, or give it a new token; the token is shown once',
    access: ['admin'],
    body: newSwitchSchema,
    responses: { 201: switchTokenSchema },
  }),
};
