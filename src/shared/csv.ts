/**
 * CSV as centres export it (RFC 4180): quoted fields with "" escapes and line breaks inside quotes,
 * CRLF or LF, an optional UTF-8 byte-order mark. Returns the header row's names and one record per
 * line, keyed by name, and the line each record starts on (the header's is 1); a record with the
 * wrong number of fields is an error naming its line.
 */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[]; lines: number[] } {
  const records = csvRecords(text);
  const header = records.next();
  if (header.done) throw new Error('The CSV file is empty: it needs a header row.');
  const columns = header.value.fields.map((name) => name.trim());
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  for (const { line, fields } of records) {
    rows.push(recordOf(columns, line, fields));
    lines.push(line);
  }
  return { columns, rows, lines };
}

/** One record keyed by the header's names; the wrong number of fields is an error naming its line. */
export function recordOf(columns: readonly string[], line: number, values: readonly string[]): Record<string, string> {
  if (values.length !== columns.length) throw new Error(`CSV line ${line}: ${values.length} fields, but the header has ${columns.length}.`);
  return Object.fromEntries(columns.map((name, i) => [name, values[i]!]));
}

/**
 * The records of a CSV text one at a time (the header first), each with the line it starts on, so
 * a large file is read without holding every record at once.
 */
export function* csvRecords(text: string): Generator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') yield { line: startLine, fields };
      fields = [];
      field = '';
      line++;
      startLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(`CSV line ${startLine}: a quoted field is never closed.`);
  fields.push(field);
  if (fields.length > 1 || fields[0] !== '') yield { line: startLine, fields };
}
