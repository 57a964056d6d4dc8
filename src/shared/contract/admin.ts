import { z } from 'zod';
import { newOpen311KeySchema, userChangeSchema } from '../server-api/admin';
import { newUserSchema, userSchema } from '../server-api/auth';
import { newSwitchSchema, switchTokenSchema } from '../server-api/cti';
import { issuedOpen311KeySchema, open311KeySchema } from '../server-api/open311';
import {
  adminReferenceItemSchema,
  adminReferenceQuerySchema,
  referenceHistoryQuerySchema,
  referenceImportResultSchema,
  referenceImportSchema,
  referenceSaveSchema,
  referenceVersionSchema,
  routingPreviewQuerySchema,
  routingPreviewSchema,
} from '../server-api/reference-admin';
import { defineCall } from './define';

/** The administrator's console: everything is read from and written to the server (online only, role admin). */
export const adminCalls = {
  list: defineCall({
    doc: 'Every item of one kind of reference data, retired and draft ones too, with its version and last change.',
    input: adminReferenceQuerySchema,
    output: z.object({ items: z.array(adminReferenceItemSchema) }),
  }),
  save: defineCall({
    doc: 'Creates or changes one item; refused as conflict when someone saved it since the version edited.',
    input: referenceSaveSchema,
    output: adminReferenceItemSchema,
  }),
  history: defineCall({
    doc: 'Every version of one item, newest first, with who changed it and when.',
    input: referenceHistoryQuerySchema,
    output: z.object({ versions: z.array(referenceVersionSchema) }),
  }),
  exportCsv: defineCall({
    doc: 'One kind as a CSV file (UTF-8 with BOM) and its file name.',
    input: adminReferenceQuerySchema,
    output: z.strictObject({ filename: z.string(), csv: z.string() }),
  }),
  importCsv: defineCall({
    doc: 'Checks a CSV of one kind row by row and, with apply, writes it all in one transaction or nothing.',
    input: referenceImportSchema,
    output: referenceImportResultSchema,
  }),
  routingPreview: defineCall({
    doc: 'Which units a category at an address goes to, and whether a written rule or history says so.',
    input: routingPreviewQuerySchema,
    output: routingPreviewSchema,
  }),
  users: defineCall({ doc: 'Every user.', input: z.strictObject({}), output: z.object({ users: z.array(userSchema) }) }),
  createUser: defineCall({ doc: 'Creates a user.', input: newUserSchema, output: userSchema }),
  changeUser: defineCall({
    doc: "Changes a user's role or unit, or disables them; the user is signed out everywhere.",
    input: z.strictObject({ id: z.uuid(), change: userChangeSchema }),
    output: z.object({ user: userSchema, disabled: z.boolean(), revoked: z.number() }),
  }),
  switches: defineCall({
    doc: 'The phone switches registered with the server.',
    input: z.strictObject({}),
    output: z.object({ switches: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })) }),
  }),
  issueSwitchToken: defineCall({
    doc: 'Registers a switch or gives it a new token, shown once.',
    input: newSwitchSchema,
    output: switchTokenSchema,
  }),
  open311Keys: defineCall({
    doc: 'Open311 API keys (not the keys themselves).',
    input: z.strictObject({}),
    output: z.object({ keys: z.array(open311KeySchema) }),
  }),
  issueOpen311Key: defineCall({
    doc: 'Issues an Open311 API key for a client, shown once.',
    input: newOpen311KeySchema,
    output: issuedOpen311KeySchema,
  }),
  revokeOpen311Key: defineCall({
    doc: 'Revokes an Open311 API key.',
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.object({ revoked: z.boolean() }),
  }),
};
