/**
 * Open311 GeoReport v2 XML: a root element with one child per item, each field an element
 * (arrays of objects nest the same way). Text is escaped; nothing else is needed for the spec's
 * flat documents.
 */
/** What becomes XML: plain JSON-like values (what the JSON format of the same answer holds). */
export type XmlDocument = object;

// XML 1.0 cannot carry these at all, not even as character references (its Char production): the
// C0 controls but tab and line breaks, U+FFFE and U+FFFF, and UTF-16 halves without their partner.
// They are dropped rather than escaped, so one bad value never breaks the whole document.
const forbiddenInXml =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escape = (text: string) =>
  text
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    .replace(forbiddenInXml, '');

function element(name: string, value: unknown, itemNames: Record<string, string>): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = itemNames[name] ?? 'item';
    return `<${name}>${value.map((v) => element(child, v, itemNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v, itemNames))
      .join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** `<root><item>…</item>…</root>`; `itemNames` names the children of nested arrays (attributes → attribute). */
export function toXml(root: string, item: string, items: readonly XmlDocument[], itemNames: Record<string, string> = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, items, { ...itemNames, [root]: item })}`;
}

export function objectToXml(root: string, value: XmlDocument, itemNames: Record<string, string> = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value, itemNames)}`;
}
