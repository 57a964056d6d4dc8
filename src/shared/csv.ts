/**
 * CSV as centres export it (RFC 4180): quoted fields with "" escapes and line breaks inside quotes,
 * CRLF or LF, an optional UTF-8 byte-order mark. Returns the header row's names and one record per
 * line, keyed by name, and the line each record starts on (the header's is 1); a record with the
 * wrong number of fields is an error naming its line.
 */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[]; lines: number[] } {
  const records: { line: number; fields: string[] }[] = [];
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
      if (fields.length > 1 || fields[0] !== '') records.push({ line: startLine, fields });
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
  if (fields.length > 1 || fields[0] !== '') records.push({ line: startLine, fields });
  const [header, ...body] = records;
  if (!header) throw new Error('The CSV file is empty: it needs a header row.');
  const columns = header.fields.map((name) => name.trim());
  const rows = body.map(({ line: at, fields: values }) => {
    if (values.length !== columns.length) throw new Error(`CSV line ${at}: ${values.length} fields, but the header has ${columns.length}.`);
    return Object.fromEntries(columns.map((name, i) => [name, values[i]!]));
  });
  return { columns, rows, lines: body.map((record) => record.line) };
}
