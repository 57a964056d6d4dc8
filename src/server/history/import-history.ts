import { csvRecords, recordOf } from '../../shared/csv';
import { isTimeZone } from '../../shared/domain/history-date';
import type { SlaClass } from '../../shared/domain/reference';
import { refusalMessage } from '../../shared/domain/refusal';
import type { TicketEvent } from '../../shared/domain/ticket';
import type { PushResult } from '../../shared/server-api/sync';
import type { Database } from '../db/database';
import { anyOf, sql } from '../db/sql';
import { type EventDraft, pushEvents } from '../events/push';
import { upsertReference } from '../reference/reference-store';
import { type ColumnMapping, mapRecord, resolveColumns } from './column-mapping';
import { ImportCatalogue } from './import-catalogue';
import { ticketEvents, ticketIdOf } from './import-events';
import { type ImportRow, rowReader } from './import-rows';

/**
 * `npm run import -- file.csv`: a centre's historical tickets — ours or another city's — so the
 * classifier and routing learn from its own history and caller history reaches back. The file has a
 * header row (UTF-8, RFC 4180); its columns are mapped to ours (column-mapping.ts). Every row is
 * checked before anything is written; one bad row refuses the whole file. Ids are derived from
 * the rows, so importing the same file twice adds nothing the second time.
 */
export interface ImportOptions {
  /** The centre's zone: official numbers carry the acceptance date in it. */
  timeZone: string;
  /** Where dates written without a zone were taken; the centre's zone unless given. */
  zone?: string;
  /** Our column → the file's; unmapped columns are read from columns of their own name. */
  mapping?: ColumnMapping;
  /** Create the categories, units, districts and streets the file names that the catalogue lacks. */
  createCatalogue?: boolean;
  /** The SLA class of created categories (general unless given). */
  sla?: SlaClass;
  /** Tickets per transaction. */
  batchTickets?: number;
  /** Called after each batch is written. */
  progress?: (done: number, total: number) => void;
}

export interface ImportResult {
  rows: number;
  imported: number;
  alreadyThere: number;
  /** Reference items created from the file's names, by kind. */
  created: { category: number; unit: number; district: number; street: number };
}

async function existingTickets(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(sql`SELECT id FROM tickets WHERE id = ${anyOf(ids, 'uuid')}`);
  return new Set(rows.map((r) => r.id));
}

const listed = (problems: readonly string[]) =>
  `${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`;

/** Every row read and checked; nothing is written. */
async function readFile(db: Database, csv: string, options: ImportOptions) {
  const zone = options.zone ?? options.timeZone;
  if (!isTimeZone(zone)) throw new Error(`"${zone}" is not a time zone name such as America/New_York; give one with --zone.`);
  const catalogue = await ImportCatalogue.load(db, { create: options.createCatalogue ?? false, sla: options.sla ?? 'general' });
  const read = rowReader(catalogue, zone);
  const records = csvRecords(csv);
  const header = records.next();
  if (header.done) throw new Error('The CSV file is empty: it needs a header row.');
  const names = header.value.fields.map((name) => name.trim());
  const columns = resolveColumns(options.mapping ?? {}, names);
  const rows: ImportRow[] = [];
  const problems: string[] = [];
  let count = 0;
  for (const { line, fields } of records) {
    count++;
    const row = read(mapRecord(recordOf(names, line, fields), columns), line);
    if (Array.isArray(row)) problems.push(...row);
    else rows.push(row);
  }
  if (problems.length > 0) throw new Error(`Nothing was imported; fix these rows first:\n${listed(problems)}`);
  // In the order they were registered: official numbers then run with time within a day, and a
  // batch spans a few days (one numbering statement per day) instead of the whole history.
  rows.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.line - b.line));
  return { rows, count, catalogue };
}

export async function importHistory(db: Database, csv: string, options: ImportOptions): Promise<ImportResult> {
  const { rows, count, catalogue } = await readFile(db, csv, options);
  const newItems = catalogue.newItems();
  if (newItems.length > 0) await upsertReference(db, newItems);
  const created = { category: 0, unit: 0, district: 0, street: 0 };
  for (const item of newItems) {
    // A category group is counted with nothing: only the categories a ticket can carry.
    if (item.kind === 'category' && item.body.parent === null) continue;
    if (item.kind === 'category' || item.kind === 'unit' || item.kind === 'district' || item.kind === 'street') created[item.kind]++;
  }

  let imported = 0;
  let alreadyThere = 0;
  // A row repeated in the file makes the same ticket: it counts as already there.
  const seen = new Set<string>();
  const tickets: { row: ImportRow; id: string }[] = [];
  for (const row of rows) {
    const id = ticketIdOf(row);
    if (seen.has(id)) alreadyThere++;
    else tickets.push({ row, id });
    seen.add(id);
  }

  const acceptedAt = (e: TicketEvent) => new Date(e.at);
  const perBatch = options.batchTickets ?? 1000;
  const tally = (events: readonly EventDraft[], results: readonly PushResult[], lines: ReadonlyMap<string, number>) => {
    for (const [k, result] of results.entries()) {
      if (result.status === 'rejected') {
        throw new Error(
          `Import stopped at line ${lines.get(events[k]!.ticketId)} after ${imported} tickets: ${refusalMessage(result.refusal)}. Fix it and import again; tickets already imported are kept and not added twice.`,
        );
      }
      if (events[k]!.type !== 'created') continue;
      if (result.status === 'accepted') imported++;
      else alreadyThere++;
    }
  };
  // One ticket's events stay in one batch, so each is whole or absent; a ticket already there is
  // left out before its events are made (a re-import mostly reads). While the database writes one
  // batch, the next one is made and checked: two in flight, each writing under the sequence lock.
  let previous: Promise<void> = Promise.resolve();
  try {
    for (let i = 0; i < tickets.length; i += perBatch) {
      const batch = tickets.slice(i, i + perBatch);
      const there = await existingTickets(
        db,
        batch.map((t) => t.id),
      );
      alreadyThere += there.size;
      const lines = new Map<string, number>();
      const events = batch.flatMap(({ row, id }) => (there.has(id) ? [] : (lines.set(id, row.line), ticketEvents(row))));
      const pushed = events.length > 0 ? pushEvents(db, events, { user: 'system', timeZone: options.timeZone, acceptedAt }) : null;
      const done = i + batch.length === tickets.length ? rows.length : i + batch.length;
      const before = previous;
      previous = (async () => {
        const results = pushed ? (await pushed).results : [];
        await before;
        tally(events, results, lines);
        options.progress?.(done, rows.length);
      })();
      // Marked handled now: its error is thrown where it is awaited, a batch or the end later.
      previous.catch(() => undefined);
      await before;
    }
    await previous;
  } finally {
    // Whatever happened, the batch still in flight ends before the caller closes the database.
    await previous.catch(() => undefined);
  }
  return { rows: count, imported, alreadyThere, created };
}
