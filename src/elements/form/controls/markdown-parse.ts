/**
 * A parser for the markdown in Pipedream's component and prop descriptions: source in, a small
 * tree out, no DOM and no HTML. It follows CommonMark and GitHub's extensions where descriptions
 * use them — paragraphs and line breaks, ATX and setext headings, emphasis, strikethrough, code
 * spans, fenced and indented code, lists, block quotes, rules, tables, links, autolinks and bare
 * http(s) URLs, backslash escapes and character references. Not supported, shown as the text they
 * are: reference-style links and their definitions, bare `www.` and e-mail addresses, task-list
 * checkboxes. Raw HTML stays text; an image becomes a link to it (by its alt text).
 *
 * Work grows about linearly with the input, whatever it holds: the regular expressions cannot
 * backtrack catastrophically, emphasis is matched with CommonMark's delimiter stack (and its
 * "openers bottom" bounds), a code span's closer is searched for once per backtick count, and
 * quotes, lists and emphasis nested deeper than `MAX_DEPTH` stay text.
 */

/** Inline content: text, or a formatting node. Links only hold `http:`, `https:` and `mailto:` addresses. */
export type Inline =
  | string
  | { readonly type: 'strong' | 'em' | 'del'; readonly children: Inline[] }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'br' }
  | { readonly type: 'link'; readonly href: string; readonly title?: string; readonly children: Inline[] };

/** A block. Raw HTML blocks are paragraphs of their source text. A tight list's paragraphs render without `<p>`. */
export type Block =
  | { readonly type: 'paragraph'; readonly children: Inline[] }
  | { readonly type: 'heading'; readonly level: number; readonly children: Inline[] }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'quote'; readonly children: Block[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly start: number; readonly loose: boolean; readonly items: Block[][] }
  | { readonly type: 'table'; readonly head: Inline[][]; readonly rows: Inline[][][] }
  | { readonly type: 'hr' };

/** How deep quotes and lists nest, and emphasis inside them; markers beyond stay text. */
const MAX_DEPTH = 12;

/** The only link schemes that link. */
export const isSafeHref = (href: string): boolean => /^(?:https?|mailto):/i.test(href);

/**
 * The named character references descriptions use; numeric ones resolve in full. Unknown names
 * stay as written.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  bull: '•', middot: '·', times: '×', divide: '÷', deg: '°', plusmn: '±', euro: '€', pound: '£', yen: '¥', cent: '¢',
  sect: '§', para: '¶', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠',
};

/** A backslash escape (of ASCII punctuation) or a character reference. */
const ESCAPE = /\\([!-/:-@[-`{-~])|&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g;

function resolve(ref: string, escaped?: string, dec?: string, hex?: string, name?: string): string {
  if (escaped) return escaped;
  if (name) return NAMED[name] ?? ref;
  const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

/** Resolves backslash escapes and character references (link destinations and titles). */
const unescape = (text: string): string => text.replace(ESCAPE, resolve);

// ---------------------------------------------------------------------------------------------
// Inline

/** A run of `*`, `_` or `~` that may open or close emphasis; what it became is filled in by `emphasis()`. */
interface Delimiter {
  readonly char: string;
  /** Characters left unmatched (shown as text). */
  count: number;
  readonly length: number;
  readonly open: boolean;
  readonly close: boolean;
  /** The markers of the spans this run closes, innermost first, and opens, innermost first. */
  readonly closes: string[];
  readonly opens: string[];
  index: number;
  prev: Delimiter | undefined;
  next: Delimiter | undefined;
}

/** A `[` or `![` waiting for its `]`: where its content starts in the token and delimiter lists. */
interface Bracket {
  readonly image: boolean;
  readonly token: number;
  readonly delimiter: number;
}

type Token = Inline | Delimiter | Bracket;

/** Where scanning text stops to look: anything that may start markup. */
const SPECIAL = /[\\`*_~![\]<&\nh]/g;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const AUTOLINK = /<([A-Za-z][\w+.-]{1,31}:[^\s<>]*)>/y;
const EMAIL = /<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/y;
/** An HTML open or close tag (attribute names and values as HTML allows them): shown as text, never parsed further. */
const TAG = /<\/?[A-Za-z][A-Za-z\d-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const REFERENCE = new RegExp(ESCAPE.source, 'y');
const BARE_URL = /https?:\/\/[^\s<]+/y;

/** A bare URL without what GFM leaves out of it: trailing punctuation, unbalanced `)`, a trailing character reference. */
function trimUrl(url: string): string {
  let balance = 0;
  for (const char of url) balance += char === '(' ? 1 : char === ')' ? -1 : 0;
  let end = url.length;
  for (;;) {
    const last = url[end - 1]!;
    if (`?!.,:*_~'"`.includes(last)) end--;
    else if (last === ')' && balance < 0) {
      end--;
      balance++;
    } else if (last === ';') {
      let start = --end;
      while (start && /\w/.test(url[start - 1]!)) start--;
      if (start < end && url[start - 1] === '&') end = start - 1;
    } else return url.slice(0, end);
  }
}

const isSpace = (char: string | undefined) => !char || /\s/.test(char);

function flanking(src: string, at: number, length: number, char: string): [open: boolean, close: boolean] {
  const before = src[at - 1];
  const after = src[at + length];
  const punctBefore = !!before && PUNCTUATION.test(before);
  const punctAfter = !!after && PUNCTUATION.test(after);
  const left = !isSpace(after) && (!punctAfter || isSpace(before) || punctBefore);
  const right = !isSpace(before) && (!punctBefore || isSpace(after) || punctAfter);
  return char === '_' ? [left && (!right || punctBefore), right && (!left || punctAfter)] : [left, right];
}

/** Matches emphasis openers with closers: CommonMark's "process emphasis", over one list of delimiters. */
function emphasis(delimiters: Delimiter[]): void {
  delimiters.forEach((d, i) => {
    d.index = i;
    d.prev = delimiters[i - 1];
    d.next = delimiters[i + 1];
  });
  const unlink = (d: Delimiter) => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
  };
  // Below these, no opener for such a closer exists: keeps unmatched runs from making it quadratic.
  const bottom: Record<string, number> = {};
  let closer: Delimiter | undefined = delimiters[0];
  while (closer) {
    const c: Delimiter = closer;
    if (!c.close) {
      closer = c.next;
      continue;
    }
    const key = `${c.char}${c.open}${c.length % 3}`;
    const floor = bottom[key] ?? -1;
    let opener = c.prev;
    const matches = (o: Delimiter) =>
      o.char === c.char &&
      o.open &&
      (c.char === '~' ? o.count === c.count : !((o.close || c.open) && (o.length + c.length) % 3 === 0 && (o.length % 3 || c.length % 3)));
    while (opener && opener.index > floor && !matches(opener)) opener = opener.prev;
    if (opener && opener.index > floor) {
      const used = c.char === '~' ? c.count : opener.count > 1 && c.count > 1 ? 2 : 1;
      const marker = c.char.repeat(used);
      opener.count -= used;
      c.count -= used;
      opener.opens.push(marker);
      c.closes.push(marker);
      opener.next = c;
      c.prev = opener;
      if (!opener.count) unlink(opener);
      if (!c.count) {
        unlink(c);
        closer = c.next;
      }
    } else {
      bottom[key] = c.index - 1;
      if (!c.open) unlink(c);
      closer = c.next;
    }
  }
}

/** Turns tokens into inline nodes, with the spans `emphasis()` matched; deeper than `MAX_DEPTH`, markers stay text. */
function build(tokens: Token[], delimiters: Delimiter[]): Inline[] {
  emphasis(delimiters);
  const root: Inline[] = [];
  // The children of each open span; a span too deep to nest shares its parent's.
  const stack: Inline[][] = [root];
  let children = root;
  const add = (node: Inline) => {
    const last = children.length - 1;
    if (typeof node === 'string' && typeof children[last] === 'string') children[last] += node;
    else children.push(node);
  };
  for (const token of tokens) {
    if (typeof token === 'string' || 'type' in token) add(token);
    else if ('image' in token) add(token.image ? '![' : '[');
    else {
      for (const marker of token.closes) {
        const span = stack.pop()!;
        children = stack[stack.length - 1]!;
        if (span === children) add(marker);
        else add({ type: marker[0] === '~' ? 'del' : marker.length > 1 ? 'strong' : 'em', children: span });
      }
      if (token.count) add(token.char.repeat(token.count));
      for (let k = token.opens.length - 1; k >= 0; k--) {
        const marker = token.opens[k]!;
        // Too deep: the span's markers stay text, its content goes on in its parent.
        const flat = stack.length >= MAX_DEPTH;
        if (flat) add(marker);
        stack.push(flat ? children : (children = []));
      }
    }
  }
  return root;
}

/** The text of inline nodes, for an image's alt text. */
const plain = (nodes: readonly Inline[]): string =>
  nodes.map((node) => (typeof node === 'string' ? node : 'text' in node ? node.text : 'children' in node ? plain(node.children) : '\n')).join('');

/** Links inside a link's text keep only their text. */
const unlink = (nodes: Inline[]): Inline[] =>
  nodes.flatMap((node) => (typeof node === 'string' || !('children' in node) ? [node] : node.type === 'link' ? unlink(node.children) : [{ ...node, children: unlink(node.children) }]));

/** A link, when its address is safe; else its content. */
const link = (href: string, children: Inline[], title?: string): Inline[] => (isSafeHref(href) ? [{ type: 'link', href, title, children }] : children);

/** After a link's `]`: `(destination "title")`, or nothing. */
function destination(src: string, at: number): { href: string; title?: string; end: number } | undefined {
  if (src[at] !== '(') return undefined;
  const skip = (k: number) => {
    while (k < src.length && /\s/.test(src[k]!)) k++;
    return k;
  };
  let k = skip(at + 1);
  let href: string;
  if (src[k] === '<') {
    const start = ++k;
    while (k < src.length && !'<>\n'.includes(src[k]!)) k += src[k] === '\\' ? 2 : 1;
    if (src[k] !== '>') return undefined;
    href = src.slice(start, k++);
  } else {
    const start = k;
    let depth = 0;
    for (; k < src.length; k++) {
      const char = src[k]!;
      if (char === '\\') k++;
      else if (char === '(') {
        if (++depth > 32) return undefined;
      } else if (char === ')') {
        if (!depth--) break;
      } else if (char <= ' ' || char === '\x7f') break;
    }
    if (depth > 0) return undefined;
    href = src.slice(start, k);
  }
  const before = k;
  k = skip(k);
  let title: string | undefined;
  const open = src[k];
  if (k > before && open && `"'(`.includes(open)) {
    const close = open === '(' ? ')' : open;
    const start = ++k;
    while (k < src.length && src[k] !== close && !(open === '(' && src[k] === '(')) k += src[k] === '\\' ? 2 : 1;
    if (src[k] !== close) return undefined;
    title = unescape(src.slice(start, k));
    k = skip(k + 1);
  }
  return src[k] === ')' ? { href: unescape(href), title, end: k + 1 } : undefined;
}

/** Parses a paragraph's (or a heading's, or a table cell's) text into inline nodes. */
export function parseInline(src: string): Inline[] {
  const tokens: Token[] = [];
  const delimiters: Delimiter[] = [];
  const brackets: Bracket[] = [];
  // Code span openers with no closer of their length after them.
  const noCloser = new Set<number>();
  let text = '';
  const flush = () => {
    if (text) tokens.push(text);
    text = '';
  };
  const push = (...nodes: Inline[]) => {
    flush();
    tokens.push(...nodes);
  };
  let i = 0;
  while (i < src.length) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(src);
    const at = found ? found.index : src.length;
    const char = found?.[0];
    // Spaces before a line break are dropped (two or more make it a hard break).
    let end = at;
    if (char === '\n') while (end > i && src[end - 1] === ' ') end--;
    text += src.slice(i, end);
    i = at;
    if (!char) break;
    const next = src[i + 1];
    let match: RegExpExecArray | null;
    const sticky = (re: RegExp) => {
      re.lastIndex = i;
      return (match = re.exec(src));
    };
    if (char === '\\') {
      if (next === '\n') {
        push({ type: 'br' });
        i += 2;
      } else if (next && /[!-/:-@[-`{-~]/.test(next)) {
        text += next;
        i += 2;
      } else {
        text += char;
        i++;
      }
    } else if (char === '`') {
      let n = 1;
      while (src[i + n] === '`') n++;
      let end = -1;
      if (!noCloser.has(n)) {
        for (let k = src.indexOf('`', i + n); k >= 0; k = src.indexOf('`', k)) {
          let m = 1;
          while (src[k + m] === '`') m++;
          if (m === n) {
            end = k;
            break;
          }
          k += m;
        }
        if (end < 0) noCloser.add(n);
      }
      if (end < 0) text += src.slice(i, i + n);
      else {
        let code = src.slice(i + n, end).replace(/\n/g, ' ');
        if (code[0] === ' ' && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
        push({ type: 'code', text: code });
      }
      i = end < 0 ? i + n : end + n;
    } else if (char === '*' || char === '_' || char === '~') {
      let n = 1;
      while (src[i + n] === char) n++;
      const [open, close] = flanking(src, i, n, char);
      if ((open || close) && (char !== '~' || n < 3)) {
        flush();
        const delimiter: Delimiter = { char, count: n, length: n, open, close, closes: [], opens: [], index: 0, prev: undefined, next: undefined };
        tokens.push(delimiter);
        delimiters.push(delimiter);
      } else text += src.slice(i, i + n);
      i += n;
    } else if (char === '[' || (char === '!' && next === '[')) {
      flush();
      const bracket = { image: char === '!', token: tokens.length, delimiter: delimiters.length };
      brackets.push(bracket);
      tokens.push(bracket);
      i += char === '!' ? 2 : 1;
    } else if (char === ']' && brackets.length) {
      const bracket = brackets.pop()!;
      const target = destination(src, i + 1);
      if (!target) {
        text += char;
        i++;
        continue;
      }
      flush();
      const inner = tokens.splice(bracket.token).slice(1);
      const content = unlink(build(inner, delimiters.splice(bracket.delimiter)));
      if (bracket.image) {
        // No images from the API: a link to it, by its alt text (else its address).
        const alt = plain(content);
        tokens.push(...link(target.href, [alt || target.href], target.title));
      } else {
        tokens.push(...link(target.href, content, target.title));
        // No links inside links: the brackets before this one are text now.
        brackets.length = 0;
      }
      i = target.end;
    } else if (char === '<' && sticky(AUTOLINK)) {
      // Autolinks are literal: no references resolved.
      push(...link(match![1]!, [match![1]!]));
      i += match![0].length;
    } else if (char === '<' && sticky(EMAIL)) {
      push(...link(`mailto:${match![1]}`, [match![1]!]));
      i += match![0].length;
    } else if (char === '<' && sticky(TAG)) {
      text += match![0];
      i += match![0].length;
    } else if (char === '&' && sticky(REFERENCE)) {
      text += resolve(...(match! as unknown as [string, string?, string?, string?, string?]));
      i += match![0].length;
    } else if (char === '\n') {
      if (at - end > 1) push({ type: 'br' });
      else text += '\n';
      i++;
      while (src[i] === ' ') i++;
    } else if (char === 'h' && sticky(BARE_URL)) {
      let url = match![0];
      // Inside a link's text, the link's own `]` ends it.
      if (brackets.length && url.includes(']')) url = url.slice(0, url.indexOf(']'));
      url = trimUrl(url);
      if (/^https?:\/\/./.test(url)) {
        push(...link(url, [url]));
        i += url.length;
      } else {
        text += char;
        i++;
      }
    } else {
      text += char;
      i++;
    }
  }
  flush();
  return build(tokens, delimiters);
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** Columns of leading whitespace (tabs to the next multiple of 4). */
function indentOf(line: string): number {
  let column = 0;
  for (const char of line) {
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** The line without `columns` of leading whitespace (a tab it splits becomes spaces). */
function dedent(line: string, columns: number): string {
  let column = 0;
  let k = 0;
  for (; column < columns && k < line.length; k++) {
    if (line[k] === ' ') column++;
    else if (line[k] === '\t') {
      const width = 4 - (column % 4);
      if (column + width > columns) return ' '.repeat(column + width - columns) + line.slice(k + 1);
      column += width;
    } else break;
  }
  return line.slice(k);
}

const blank = (line: string) => !line.trim();
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const QUOTE = /^ {0,3}> ?/;
const LIST = /^( {0,3})(?:([-*+])|(\d{1,9})([.)]))([ \t]+|$)/;
/** HTML blocks that may interrupt a paragraph (CommonMark's kinds 1, 2 and 6, the common names). */
const HTML_BLOCK = /^ {0,3}(?:<\/?(?:address|article|aside|blockquote|body|details|dialog|d[dlt]|div|fieldset|figure|footer|form|h[1-6]|header|hr|html|iframe|li|main|nav|ol|p|pre|section|summary|table|tbody|t[dhr]|thead|ul|script|style|textarea)(?:[\s/>]|$)|<!--)/i;
const TAG_LINE = new RegExp(`^ {0,3}${TAG.source}\\s*$`);
const isRule = (line: string) => indentOf(line) < 4 && /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line.trim());
const isFence = (line: string) => {
  const match = FENCE.exec(line);
  return !!match && !(match[1]![0] === '`' && match[2]!.includes('`'));
};

/** Whether a line, inside its container markers, is paragraph text (which a "lazy" line without markers may continue). */
function inParagraph(line: string): boolean {
  for (let marker; (marker = QUOTE.exec(line) ?? LIST.exec(line)); ) line = line.slice(marker[0].length);
  return !blank(line) && !HEADING.test(line) && !isFence(line) && !isRule(line) && !HTML_BLOCK.test(line);
}

/** Whether the line starts a block that ends a paragraph before it. */
function interrupts(line: string, depth: number): boolean {
  if (isFence(line) || HEADING.test(line) || isRule(line) || HTML_BLOCK.test(line)) return true;
  if (depth >= MAX_DEPTH) return false;
  const item = LIST.exec(line);
  return QUOTE.test(line) || (!!item && (!item[3] || item[3] === '1') && !blank(line.slice(item[0].length)));
}

/** A table row's cells: split at unescaped `|`, outer pipes optional. */
function cells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Whether lines `at` and `at + 1` start a table: a header row and a delimiter row of as many cells. */
function isTable(lines: readonly string[], at: number): boolean {
  const head = lines[at]!;
  const delimiter = lines[at + 1];
  if (!delimiter || !head.includes('|') || !delimiter.includes('|') || indentOf(head) > 3) return false;
  const marks = cells(delimiter);
  return marks.length === cells(head).length && marks.every((mark) => /^:?-+:?$/.test(mark));
}

/**
 * Parses lines into blocks; `depth` counts the containers around them. `spacing.loose` is set when
 * a blank line separates two of these blocks (what makes a list item loose).
 */
function parseBlocks(lines: readonly string[], depth: number, spacing?: { loose: boolean }): Block[] {
  const out: Block[] = [];
  let gap = false;
  const n = lines.length;
  for (let i = 0; i < n; ) {
    const line = lines[i]!;
    if (blank(line)) {
      gap = out.length > 0;
      i++;
      continue;
    }
    if (gap && spacing) spacing.loose = true;
    gap = false;
    const indent = indentOf(line);
    const fence = isFence(line) && FENCE.exec(line)![1]!;
    const heading = HEADING.exec(line);
    const item = depth < MAX_DEPTH && LIST.exec(line);
    if (indent >= 4) {
      // Indented code, to its last non-blank line.
      let end = i;
      for (let j = i; j < n && (blank(lines[j]!) || indentOf(lines[j]!) >= 4); j++) if (!blank(lines[j]!)) end = j;
      out.push({ type: 'code', text: lines.slice(i, end + 1).map((l) => dedent(l, 4)).join('\n') });
      i = end + 1;
    } else if (fence) {
      const body: string[] = [];
      let j = i + 1;
      for (; j < n; j++) {
        const close = lines[j]!.trim();
        if (indentOf(lines[j]!) < 4 && close.length >= fence.length && close === fence[0]!.repeat(close.length)) break;
        body.push(dedent(lines[j]!, indent));
      }
      out.push({ type: 'code', text: body.join('\n') });
      i = j + 1;
    } else if (heading) {
      let text = line.slice(heading[0].length).trim();
      let end = text.length;
      while (end && text[end - 1] === '#') end--;
      if (!end || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end).trim();
      out.push({ type: 'heading', level: heading[1]!.length, children: parseInline(text) });
      i++;
    } else if (isRule(line)) {
      out.push({ type: 'hr' });
      i++;
    } else if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < n; i++) {
        const l = lines[i]!;
        const marker = QUOTE.exec(l);
        // A line without `>` continues the quote's paragraph ("lazy" continuation).
        if (marker) body.push(l.slice(marker[0].length));
        else if (!blank(l) && inParagraph(body[body.length - 1]!) && !interrupts(l, depth)) body.push(l);
        else break;
      }
      out.push({ type: 'quote', children: parseBlocks(body, depth + 1) });
    } else if (item) {
      const mark = item[2] ?? item[4];
      const items: Block[][] = [];
      let loose = false;
      while (i < n) {
        const m = LIST.exec(lines[i]!);
        if (!m || (m[2] ?? m[4]) !== mark || isRule(lines[i]!)) break;
        const rest = lines[i]!.slice(m[0].length);
        // Continuation lines are indented to the item's text (marker and up to 4 spaces).
        const width = m[1]!.length + (m[2] ? 1 : m[3]!.length + 1) + (blank(rest) || m[5]!.length > 4 ? 1 : m[5]!.length);
        const body = [rest];
        for (i++; i < n; i++) {
          const l = lines[i]!;
          if (blank(l)) body.push('');
          else if (indentOf(l) >= width) body.push(dedent(l, width));
          else if (inParagraph(body[body.length - 1]!) && !LIST.test(l) && !interrupts(l, depth)) body.push(l);
          else break;
        }
        // Blank lines after the item separate it from the next one, or end the list.
        while (body.length > 1 && !body[body.length - 1]) {
          body.pop();
          i--;
        }
        const inner = { loose: false };
        items.push(parseBlocks(body, depth + 1, inner));
        loose ||= inner.loose;
        let next = i;
        while (next < n && blank(lines[next]!)) next++;
        const following = next < n && LIST.exec(lines[next]!);
        if (!following || (following[2] ?? following[4]) !== mark || isRule(lines[next]!)) break;
        loose ||= next > i;
        i = next;
      }
      out.push({ type: 'list', ordered: !item[2], start: item[3] ? Number(item[3]) : 1, loose, items });
    } else if (HTML_BLOCK.test(line) || TAG_LINE.test(line)) {
      // Raw HTML, to the next blank line (a comment, to its end): its source, as text.
      const start = i;
      const comment = /^ *<!--/.test(line);
      for (; i < n && !blank(lines[i]!); i++) {
        if (comment && lines[i]!.includes('-->')) {
          i++;
          break;
        }
      }
      out.push({ type: 'paragraph', children: [lines.slice(start, i).join('\n').trim()] });
    } else if (isTable(lines, i)) {
      const width = cells(line).length;
      const row = (l: string) => {
        const texts = cells(l);
        return Array.from({ length: width }, (_, k) => parseInline(texts[k] ?? ''));
      };
      const head = row(line);
      const rows: Inline[][][] = [];
      for (i += 2; i < n && !blank(lines[i]!) && !interrupts(lines[i]!, depth); i++) rows.push(row(lines[i]!));
      out.push({ type: 'table', head, rows });
    } else {
      const body = [line.trimStart()];
      let level = 0;
      for (i++; i < n; i++) {
        const l = lines[i]!;
        if (blank(l)) break;
        if (indentOf(l) < 4 && /^(?:=+|-+)[ \t]*$/.test(l.trimStart())) {
          // A setext heading's underline.
          level = l.trimStart()[0] === '=' ? 1 : 2;
          i++;
          break;
        }
        if (interrupts(l, depth) || isTable(lines, i)) break;
        body.push(l.trimStart());
      }
      const children = parseInline(body.join('\n').trimEnd());
      out.push(level ? { type: 'heading', level, children } : { type: 'paragraph', children });
    }
  }
  return out;
}

/** Parses markdown source into blocks. */
export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd').split('\n'), 0);
}
