/**
 * Markdown as terminal text, for `winnet explain`: the subset winnet writes (headings, paragraphs, lists, block
 * quotes, fenced code, tables, inline code, bold, links), wrapped to the terminal's width. Headings are bold and
 * underlined, code keeps its backticks without colour (cyan with it), links print their address after their text.
 */

/** A space that wrapping does not break at (inside code spans), a space again in the output. */
const KEEP_SPACE = '\ue000';

/** Each style with the code that ends only it, so styles nest (bold around code). */
const CODES = { bold: [1, 22], dim: [2, 22], cyan: [36, 39] } as const;
type Style = keyof typeof CODES;

export interface TextOptions {
  color: boolean;
  /** Wrap paragraphs at this many columns. */
  width: number;
}

export function markdownToText(markdown: string, options: TextOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...wrap(inline(paragraph.join(' '), paint), options.width, '', ''));
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(\s*)(```+|~~~+)/.exec(line);
    if (fence) {
      flush();
      const close = fence[2];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(close); i++) out.push(`    ${paint('dim', lines[i])}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[2], paint, false);
      const plain = strip(text);
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push(paint('bold', text), (heading[1].length === 1 ? '=' : '-').repeat(Math.min(plain.length, options.width)));
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      const rows: string[][] = [];
      for (; i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]); i++) {
        const cells = splitRow(lines[i]);
        if (cells.every((c) => /^:?-+:?$/.test(c) || c === '')) continue; // the separator, or an empty header
        rows.push(cells.map((c) => inline(c, paint)));
      }
      i--;
      const first = Math.max(...rows.map((r) => strip(r[0] ?? '').length));
      for (const row of rows) {
        const [head, ...rest] = row;
        const indent = ' '.repeat(first + 2);
        const body = rest.join('  ');
        out.push(...wrap(body, options.width, `${head}${' '.repeat(first - strip(head).length)}  `, indent, first + 2));
      }
      continue;
    }
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const indent = '  '.repeat(Math.floor(item[1].length / 2));
      out.push(...wrap(inline(item[2], paint), options.width, `${indent}  • `, `${indent}    `));
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      out.push(...wrap(inline(quote[1], paint), options.width, '  │ ', '  │ '));
      continue;
    }
    if (!line.trim()) {
      flush();
      if (out.length && out[out.length - 1] !== '') out.push('');
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n').replaceAll(KEEP_SPACE, ' ')}\n`;
}

/** A table row's cells, with `\|` kept inside a cell. */
function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/**
 * Inline markdown, left to right: code spans (nothing inside them changes; they keep their backticks without
 * colour), links (`text <url>`), bold, backslash escapes.
 */
function inline(text: string, paint: (style: Style, text: string) => string, styled = true): string {
  let out = '';
  let plain = '';
  let bold = -1;
  const flushPlain = () => {
    out += plain.replace(/\\([\\`*_[\]()#|<>-])/g, '$1');
    plain = '';
  };
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const code = /^(`+)(.+?)\1(?!`)/.exec(rest);
    if (code) {
      flushPlain();
      // Its spaces do not break: a code span stays on one line.
      const content = code[2].replace(/^ (.*) $/, '$1').replace(/ /g, KEEP_SPACE);
      const painted = styled ? paint('cyan', content) : content;
      out += painted === content ? `\`${content}\`` : painted;
      i += code[0].length;
      continue;
    }
    const link = /^\[((?:`[^`]*`|[^\]])+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      flushPlain();
      const label = inline(link[1], paint, styled);
      out += link[1] === link[2] ? link[2] : `${label} <${link[2]}>`;
      i += link[0].length;
      continue;
    }
    if (rest.startsWith('**')) {
      flushPlain();
      if (bold < 0) bold = out.length;
      else {
        out = out.slice(0, bold) + (styled ? paint('bold', out.slice(bold)) : out.slice(bold));
        bold = -1;
      }
      i += 2;
      continue;
    }
    if (rest[0] === '\\' && rest.length > 1) {
      plain += rest.slice(0, 2);
      i += 2;
      continue;
    }
    plain += rest[0];
    i++;
  }
  flushPlain();
  // An unclosed ** is text.
  if (bold >= 0) out = `${out.slice(0, bold)}**${out.slice(bold)}`;
  return out;
}

/** The visible text, without colour codes. */
function strip(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
  return text.replace(/\u001b\[\d+m/g, '');
}

/**
 * Words filled into lines of at most `width` visible columns: the first line starts with `first`, the others with
 * `next`. A word longer than a line (a URL) gets a line of its own.
 */
function wrap(text: string, width: number, first: string, next: string, firstWidth = strip(first).length): string[] {
  const words = text.split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let length = firstWidth;
  let empty = true;
  for (const word of words) {
    const size = strip(word).length;
    if (!empty && length + 1 + size > width) {
      lines.push(line);
      line = next;
      length = strip(next).length;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    length += empty ? size : size + 1;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
