/**
 * The little Markdown the knowledge base is written in: headings, bullet and numbered lists,
 * paragraphs, bold, italics, code and links. It parses to plain data, never to HTML, so nothing an
 * author writes can become markup or script: the renderer makes React elements of it, and React
 * escapes every piece of text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

// Links go only where a click cannot run anything: the web, mail and the phone.
const safeHref = /^(https?:\/\/|mailto:|tel:)/i;

/** The link's target when it is one of the safe schemes, else null (shown as its text alone). */
export function safeLink(href: string): string | null {
  const trimmed = href.trim();
  // Control characters and spaces inside a scheme ("java\tscript:") are how filters get fooled.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  return safeHref.test(trimmed) ? trimmed : null;
}

const inlinePattern = /\*\*(.+?)\*\*|__(.+?)__|`([^`]+)`|\[([^\]]+)\]\(([^)\s]*)\)|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/;

/** One line of text as text, emphasis, code and links. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = inlinePattern.exec(rest);
    if (!match) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) });
    const [whole, bold, bold2, code, label, href, em, em2] = match;
    if (bold !== undefined || bold2 !== undefined) out.push({ type: 'strong', children: parseInline(bold ?? bold2 ?? '') });
    else if (code !== undefined) out.push({ type: 'code', text: code });
    else if (label !== undefined) {
      const target = safeLink(href ?? '');
      const children = parseInline(label);
      out.push(target ? { type: 'link', href: target, children } : { type: 'text', text: label });
    } else out.push({ type: 'em', children: parseInline(em ?? em2 ?? '') });
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

const headingLine = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const bulletLine = /^\s*[-*+]\s+(.*)$/;
const numberLine = /^\s*\d{1,9}[.)]\s+(.*)$/;

/** The blocks of a Markdown text; a blank line ends a paragraph or a list. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const close = () => {
    if (paragraph) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list) blocks.push({ type: 'list', ...list });
    paragraph = null;
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = headingLine.exec(line);
    const bullet = bulletLine.exec(line);
    const number = bullet ? null : numberLine.exec(line);
    if (line.trim() === '') close();
    else if (heading) {
      close();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(heading[2] ?? '') });
    } else if (bullet || number) {
      const ordered = number !== null;
      if (paragraph || (list && list.ordered !== ordered)) close();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? number)![1] ?? ''));
    } else if (list && /^\s+/.test(raw)) {
      // An indented line carries on the list item above it.
      list.items[list.items.length - 1]!.push({ type: 'text', text: ` ${line.trim()}` });
    } else {
      if (list) close();
      paragraph ??= [];
      paragraph.push(parseInline(line.trim()));
    }
  }
  close();
  return blocks;
}
