import { z } from 'zod';
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
} from '../reference-admin';
import { defineRoute } from '../route';

const admin = ['admin'] as const;

export const referenceAdminRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/reference',
    summary: 'Every item of one kind of reference data, retired and draft ones too, with version and last change',
    access: admin,
    query: adminReferenceQuerySchema,
    responses: { 200: z.object({ items: z.array(adminReferenceItemSchema) }) },
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/api/admin/reference',
    summary: 'Create or change one item; refused (409) when someone saved it since the version edited',
    access: admin,
    body: referenceSaveSchema,
    responses: { 200: adminReferenceItemSchema },
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/admin/reference/history',
    summary: 'Every version of one item, newest first, with who changed it and when',
    access: admin,
    query: referenceHistoryQuerySchema,
    responses: { 200: z.object({ versions: z.array(referenceVersionSchema) }) },
  }),
  exportCsv: defineRoute({
    method: 'GET',
    path: '/api/admin/reference.csv',
    summary: 'One kind of reference data as CSV (UTF-8 with BOM, opens in Excel)',
    access: admin,
    query: adminReferenceQuerySchema,
    responses: { 200: z.string() },
    produces: 'text/csv; charset=utf-8',
  }),
  importCsv: defineRoute({
    method: 'POST',
    path: '/api/admin/reference/import',
    summary: 'Checks a CSV of one kind row by row (line numbers in the refusal) and, with apply, writes it all in one transaction',
    access: admin,
    body: referenceImportSchema,
    responses: { 200: referenceImportResultSchema },
  }),
  routingPreview: defineRoute({
    method: 'GET',
    path: '/api/admin/routing/preview',
    summary: 'Which units a category at an address goes to, and whether a written rule or history says so',
    access: admin,
    query: routingPreviewQuerySchema,
    responses: { 200: routingPreviewSchema },
  }),
};
