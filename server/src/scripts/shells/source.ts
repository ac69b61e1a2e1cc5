/**
 * What the three tokenizers share: the text they read (a region of the file with the skipped spans taken out) and
 * the builders of words and commands that map what they read back to file offsets.
 *
 * A tokenizer reads `Source.text`, where a Markdown prompt or a YAML block's indentation is simply absent, so the
 * shell grammar never sees them; every index into that text is turned back into a file offset only when a word is
 * finished. Scanning is one pass over that text: each loop of a tokenizer consumes at least one character.
 */
import type { Span } from '../../documents/text';
import type { CommandLine, Shell, Word } from '../words';

export class Source {
  /** The visible characters of file[from, to): the region without its skipped spans. */
  readonly text: string;
  /** File offset of each visible character, when spans were skipped; otherwise the offset is `base + index`. */
  private readonly map: Int32Array | undefined;
  private readonly base: number;

  constructor(file: string, from: number, to: number, skip?: readonly Span[]) {
    const start = clamp(Number.isFinite(from) ? Math.floor(from) : 0, 0, file.length);
    const end = clamp(Number.isFinite(to) ? Math.floor(to) : file.length, start, file.length);
    this.base = start;
    const kept = visibleRuns(start, end, skip);
    if (kept.length === 1 && kept[0].start === start && kept[0].end === end) {
      this.text = file.slice(start, end);
      this.map = undefined;
      return;
    }
    let length = 0;
    for (const run of kept) length += run.end - run.start;
    const map = new Int32Array(length);
    const parts: string[] = [];
    let at = 0;
    for (const run of kept) {
      parts.push(file.slice(run.start, run.end));
      for (let offset = run.start; offset < run.end; offset++) map[at++] = offset;
    }
    this.text = parts.join('');
    this.map = map;
  }

  /** The file offset of visible character `index` (0 <= index < text.length). */
  offset(index: number): number {
    if (index >= this.text.length) return this.end(this.text.length);
    return this.map ? this.map[index] : this.base + index;
  }

  /** The file offset just after visible character `index - 1`: where a run of visible characters ending at `index` ends. */
  end(index: number): number {
    if (index <= 0) return this.map ? (this.map.length > 0 ? this.map[0] : this.base) : this.base;
    const last = Math.min(index, this.text.length) - 1;
    if (last < 0) return this.base;
    return (this.map ? this.map[last] : this.base + last) + 1;
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

/** [start, end) minus the skipped spans (clamped to it, any order, overlaps allowed). */
function visibleRuns(start: number, end: number, skip: readonly Span[] | undefined): Span[] {
  if (!skip || skip.length === 0) return [{ start, end }];
  const holes = skip
    .filter((s) => s && Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > start && s.start < end && s.end > s.start)
    .map((s) => ({ start: Math.max(s.start, start), end: Math.min(s.end, end) }))
    .sort((a, b) => a.start - b.start);
  const runs: Span[] = [];
  let at = start;
  for (const hole of holes) {
    if (hole.start > at) runs.push({ start: at, end: hole.start });
    at = Math.max(at, hole.end);
  }
  if (at < end) runs.push({ start: at, end });
  return runs.length > 0 ? runs : [{ start, end: start }];
}

/**
 * A word being read. Indexes are into `Source.text`; `push` adds value characters produced by the source characters
 * [from, to) (one for a plain character, two for an escape, none for a quote), `touch` records source characters that
 * belong to the word without producing anything (quotes, the `$'` of an ANSI-C string).
 */
export class WordBuilder {
  value = '';
  literal = true;
  /** Index of the first source character of each value character. */
  private readonly starts: number[] = [];
  private first = -1;
  private last = -1;
  private valueEnd = -1;

  get started(): boolean {
    return this.first >= 0;
  }

  /** Index of the word's first source character (-1 before anything was read). */
  get start(): number {
    return this.first;
  }

  /** Index after the word's last source character. */
  get end(): number {
    return this.last;
  }

  touch(from: number, to: number): void {
    if (this.first < 0) this.first = from;
    if (to > this.last) this.last = to;
  }

  push(chars: string, from: number, to: number): void {
    for (let i = 0; i < chars.length; i++) this.starts.push(from);
    this.value += chars;
    this.valueEnd = to;
    this.touch(from, to);
  }

  /** The source characters [from, to) as they are written, each its own value character. */
  pushRaw(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.starts.push(i);
    this.value += text.slice(from, to);
    if (to > from) this.valueEnd = to;
    this.touch(from, to);
  }

  /** Like pushRaw, for a part whose value the shell computes: the word is then not literal. */
  pushOpaque(text: string, from: number, to: number): void {
    this.pushRaw(text, from, to);
    this.literal = false;
  }

  build(source: Source): Word {
    const span = { start: source.offset(this.first), end: source.end(this.last) };
    const offsets = this.starts.map((i) => source.offset(i));
    offsets.push(this.valueEnd < 0 ? span.start : source.end(this.valueEnd));
    return { value: this.value, span, literal: this.literal, offsets };
  }
}

/** Collects the words of the current command and closes commands at separators. Empty commands are dropped. */
export class CommandSink {
  readonly lines: CommandLine[] = [];
  words: Word[] = [];

  constructor(
    private readonly shell: Shell,
    /** A last look at a command's words before it is kept (the cmd tokenizer strips `if`/`for` heads there). */
    private readonly finish: (words: Word[]) => Word[] = (words) => words,
  ) {}

  add(word: Word): void {
    this.words.push(word);
  }

  end(): void {
    if (this.words.length === 0) return;
    const words = this.finish(this.words);
    this.words = [];
    if (words.length === 0) return;
    this.lines.push({ words, span: { start: words[0].span.start, end: words[words.length - 1].span.end }, shell: this.shell });
  }
}

/** Length of the line break at `i` (LF, CRLF, or a lone CR when `loneCr`), 0 when there is none. */
export function lineBreakAt(text: string, i: number, loneCr = false): number {
  const c = text.charCodeAt(i);
  if (c === 10) return 1;
  if (c === 13) {
    if (text.charCodeAt(i + 1) === 10) return 2;
    return loneCr ? 1 : 0;
  }
  return 0;
}

/** Index of the next LF at or after `i` (or the text's length): where a line comment stops. */
export function lineEndFrom(text: string, i: number): number {
  const at = text.indexOf('\n', i);
  if (at < 0) return text.length;
  return at > i && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
}

/**
 * Index after the bracket matching the one at `open` (or the text's length when it is never closed), skipping quoted
 * strings and escaped characters on the way. One pass, no recursion: a depth counter, so `$(((((...` costs its length.
 * Quotes inside are taken as flat strings (a quote nested in a subexpression inside a string is not followed): this
 * only decides where an opaque, non-literal part of a word ends.
 */
export function skipBalanced(text: string, open: number, escapeChar: '\\' | '`'): number {
  const opener = text[open];
  const closer = opener === '(' ? ')' : opener === '{' ? '}' : ']';
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (c === escapeChar) {
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    if (c === '"') {
      i = skipDoubleQuoted(text, i, escapeChar);
      continue;
    }
    if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/** Index after the double-quoted string opening at `open` (escapes skipped), or the text's length. */
function skipDoubleQuoted(text: string, open: number, escapeChar: '\\' | '`'): number {
  let i = open + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === escapeChar) i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/**
 * `${{ ... }}`: a GitHub Actions or Azure Pipelines template expression, replaced before any shell runs. Index after
 * its `}}`, or -1 when the text at `i` is not one (or is never closed). `searchFailedFrom` remembers an unclosed
 * search, so a text full of `${{` is not searched once per opener.
 */
export class TemplateExpressions {
  private failedFrom = Number.POSITIVE_INFINITY;

  endAt(text: string, i: number): number {
    if (text[i] !== '$' || text[i + 1] !== '{' || text[i + 2] !== '{') return -1;
    if (i >= this.failedFrom) return -1;
    const close = text.indexOf('}}', i + 3);
    if (close < 0) {
      this.failedFrom = i;
      return -1;
    }
    return close + 2;
  }
}
