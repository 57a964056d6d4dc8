import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, appErrorShape, type AppErrorShape, type ErrorCode } from '../../shared/result';

export const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_request: 400,
  unknown_call: 404,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  signed_out: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Every error leaves as `{ error: { code, message, issues?, refusal? } }`, the envelope the workstation knows. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: AppErrorShape) => reply.status(status).send({ error: body });
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(400, {
        code: 'invalid_input',
        message: `The ${error.validationContext ?? 'request'} is not valid; nothing was changed.`,
        issues: error.validation.map((v) => ({
          path:
            v.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
            (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') ||
            '',
          message: v.message ?? 'invalid',
        })),
      });
    }
    if (error instanceof AppError) return send(statusOf[error.code], appErrorShape(error));
    if (error.statusCode === 413) return send(413, { code: 'invalid_request', message: 'The request body is too large.' });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, { code: 'invalid_request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return send(500, { code: 'internal', message: 'The server failed to handle this request. It was logged; try again.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } }),
  );
}
