import { z } from 'zod';
import { type Refusal, refusalMessage, refusalSchema } from './domain/refusal';

/**
 * Every answer that crosses a process boundary is an envelope, never a thrown error:
 * the receiving side can always tell a refusal from a crash and show the user why.
 */
export const errorCodes = [
  'invalid_input',
  'invalid_request',
  'unknown_call',
  'not_found',
  'conflict',
  'unauthenticated',
  /** Nobody is signed in on the workstation: the core answers nothing but signing in. */
  'signed_out',
  'forbidden',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldIssueSchema = z.strictObject({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorSchema = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  /** A `conflict` that is a refusal of the change: what the UI translates instead of `message`. */
  refusal: refusalSchema.optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const envelopeSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: appErrorSchema }),
]);

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown inside handlers for expected refusals; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly refusal?: Refusal,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The shape an AppError crosses a boundary in. */
export const appErrorShape = (error: AppError): AppErrorShape => ({
  code: error.code,
  message: error.message,
  ...(error.issues ? { issues: error.issues } : {}),
  ...(error.refusal ? { refusal: error.refusal } : {}),
});

/** A change refused: a `conflict` that carries the refusal, its English words as the message. */
export const refusedChange = (refusal: Refusal, message = refusalMessage(refusal)) => new AppError('conflict', message, undefined, refusal);

/** Turns zod's issues into field-level messages a form can show beside the right field. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
