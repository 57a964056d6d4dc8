import { z } from 'zod';
import { plainText } from '../domain/plain-text';

/** How long a notice may stay, in minutes: from a quarter of an hour to a week. */
export const noticeLifetime = { min: 15, max: 7 * 24 * 60, default: 8 * 60 } as const;

/** A lead's notice for every agent's status bar; it stays until it expires or a lead withdraws it. */
export const noticeSchema = z.strictObject({
  text: plainText(200).min(1),
  expiresInMinutes: z.number().int().min(noticeLifetime.min).max(noticeLifetime.max).default(noticeLifetime.default),
});

/** A notice in force, as every status bar shows it. */
export const noticeViewSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  /** The display name of the lead who sent it. */
  from: z.string(),
  at: z.string(),
  expiresAt: z.string(),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;

export const noticeResponseSchema = z.strictObject({ id: z.string(), sentAt: z.string(), expiresAt: z.string() });
export const noticesInForceSchema = z.strictObject({ notices: z.array(noticeViewSchema) });
export const noticeIdSchema = z.strictObject({ id: z.uuid() });
export const noticeWithdrawnSchema = z.strictObject({ id: z.string(), withdrawnAt: z.string() });
