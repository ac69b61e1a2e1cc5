/**
 * Env files as `docker compose` reads them: the project's `.env`, `--env-file` files, and a service's `env_file`.
 * This ports the behaviour of compose-go's `dotenv` package (compose-spec/compose-go at e70e961c): `parser.go`
 * (parse, getStatementStart, locateKeyName, extractVarValue, expandEscapes), `godotenv.go` (the UTF-8 BOM,
 * expandVariables) and `env.go` (GetEnvFromFile: which values a file's variables see). Where compose-go's grammar is
 * odd, the oddity is kept, because a linter that reads a file differently from compose tells the user the wrong
 * thing; each one is named where it happens.
 *
 * The grammar, as compose-go has it:
 * - Blank lines and lines whose first non-space character is `#` are skipped.
 * - A statement is `[export ]NAME=VALUE` or `NAME: VALUE` (YAML style). A name is letters, digits (any script),
 *   `_ . - [ ]`; space characters inside it are kept, and a name with a space in it is an error.
 * - `NAME` alone on a line takes NAME from the environment (or from the files read so far), and sets nothing when
 *   neither has it. A last line without `=` and without a line break after it is *not* that: it sets the empty name.
 * - A value in single quotes is literal except that `\'` is a quote; one in double quotes has its escapes expanded
 *   (`\n \t \r \a \b \f \v \\ \" \$` and `\0NNN` octal) and is then interpolated. Both may span lines.
 * - An unquoted value runs to the end of the line, loses what follows ` #` (a space, then `#`) and its trailing
 *   space, and is interpolated.
 * - Text after a closing quote is read as the next statement, even on the same line.
 * - A later definition of a name replaces the earlier one.
 *
 * compose stops at the first error; this parser records it (with compose's message, line numbers counted as compose
 * counts them) and carries on from the next line, so one mistake does not hide the rest of the file. It never
 * throws, and its work is linear in the text.
 */
import { LineIndex, type Span } from '../documents/text';
import { goQuote, type InterpolationProblem, interpolate, type VariableUse } from './interpolation';

export interface EnvEntry {
  name: string;
  value: string;
  /** 0-based line of the name */
  line: number;
  nameSpan: Span;
  /** the value as written, quotes included (empty, at the end of the name, for a name taken from the environment) */
  valueSpan: Span;
  /** the whole entry, from the name (or `export`) to the end of the value */
  span: Span;
  uses: VariableUse[];
  /** The line is a bare `NAME` and the value came from the environment or an earlier definition. */
  inherited?: true;
}

/**
 * What a problem is, so the engine can choose what to show: `syntax`, `required` and `format` are errors compose
 * stops on (its message is `failed to read <path>: <message>`); the others are warnings of winnet's, about lines
 * compose accepts but reads differently from how they look.
 */
export type EnvFileProblemCode = 'syntax' | 'required' | 'format' | 'duplicate' | 'empty-name' | 'after-quote' | 'not-inherited';

export interface EnvFileProblem {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
  code: EnvFileProblemCode;
}

export interface EnvFile {
  entries: EnvEntry[];
  problems: EnvFileProblem[];
}

export interface ParseEnvFileOptions {
  /**
   * The values of the env files read before this one in the same load (`--env-file a.env --env-file b.env`): compose
   * reads them into one map, so a variable of `b.env` sees `a.env`'s values, after the environment and after `b.env`'s
   * own earlier lines (compose-go env.go GetEnvFromFile; its test TestMultipleFiles).
   */
  previous?: (name: string) => string | undefined;
}

/**
 * `lookup` is the environment compose runs in (the shell). As compose-go does it, the environment comes *first*: a
 * value's `${X}` is the environment's X when it has one, else the X this file defined above, else `previous`'s X
 * (compose-go env.go GetEnvFromFile and godotenv.go expandVariables; tests TestSubstitutionsWithEnvFilePrecedence and
 * TestMultipleFiles). A bare `NAME` line is looked up the same way.
 */
export function parseEnvFile(text: string, lookup?: (name: string) => string | undefined, options: ParseEnvFileOptions = {}): EnvFile {
  return new EnvFileParser(text, lookup, options.previous).parse();
}

// Character classes, each as compose-go uses it.

/** Go's unicode.IsSpace, which the parser uses to skip blank space and trim values. */
function isUnicodeSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** parser.go isSpace: space but not a line break (`\r` counts as space, which is how CRLF files work). */
function isSpace(c: number): boolean {
  return c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x20 || c === 0x85 || c === 0xa0;
}

/** `\s` in Go's regexp (RE2): what may follow `export` for it to be the keyword (`^export\s+`). */
function isRegexpSpace(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

/** A character locateKeyName accepts in a name: `_ . - [ ]`, or a letter or number of any script. */
function isNameChar(cp: number): boolean {
  if (cp < 0x80) {
    return (
      (cp >= 0x61 && cp <= 0x7a) ||
      (cp >= 0x41 && cp <= 0x5a) ||
      (cp >= 0x30 && cp <= 0x39) ||
      cp === 0x5f ||
      cp === 0x2e ||
      cp === 0x2d ||
      cp === 0x5b ||
      cp === 0x5d
    );
  }
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;

/** A value after its quotes and escapes, with where each of its characters came from (for the spans of its uses). */
interface Decoded {
  value: string;
  /** from[i], to[i]: the text that gave character i; absent when character i is text[offset + i] */
  from?: Int32Array;
  to?: Int32Array;
  offset: number;
}

class EnvFileParser {
  private readonly entries: EnvEntry[] = [];
  private readonly problems: EnvFileProblem[] = [];
  /** What this file has defined so far, and the entry that defined it last. */
  private readonly defined = new Map<string, number>();
  private readonly values = new Map<string, string>();
  /** compose-go's line counter, which its messages print (it is off by one after some lines: see locateKey). */
  private line = 1;
  private lines?: LineIndex;
  /** For the true line of an offset: a cursor that only moves forward. */
  private countedTo = 0;
  private newlines = 0;

  constructor(
    private readonly text: string,
    private readonly environment: ((name: string) => string | undefined) | undefined,
    private readonly previous: ((name: string) => string | undefined) | undefined,
  ) {}

  /** compose-go parser.parse. */
  parse(): EnvFile {
    const { text } = this;
    // godotenv.go parseWithLookup: one UTF-8 BOM at the start is skipped (editors on Windows write it)
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.countedTo = pos;
    /** Where the line of the last closing quote ends: a statement starting before it shares that line. */
    let quoteLineEnd = -1;
    for (;;) {
      const start = this.statementStart(pos);
      if (start >= text.length) break;
      if (start < quoteLineEnd) {
        this.warn(
          'after-quote',
          { start, end: this.lineEndOf(start) },
          'compose reads the text after the closing quote as another entry: put it on a line of its own or in a comment',
        );
      }
      quoteLineEnd = -1;
      const next = this.statement(start);
      pos = next.resume;
      if (next.quoteClosed !== undefined) quoteLineEnd = this.lineEndOf(next.quoteClosed);
    }
    return { entries: this.entries, problems: this.problems };
  }

  /** compose-go getStatementStart: skips space (counting lines) and comment lines. */
  private statementStart(pos: number): number {
    const { text } = this;
    for (;;) {
      while (pos < text.length && isUnicodeSpace(text.charCodeAt(pos))) {
        if (text.charCodeAt(pos) === NEWLINE) this.line++;
        pos++;
      }
      if (pos >= text.length || text[pos] !== '#') return pos;
      const newline = text.indexOf('\n', pos);
      if (newline === -1) return text.length;
      pos = newline;
    }
  }

  /** One statement from `start`: where parsing resumes, and where a quoted value closed, if it was one. */
  private statement(start: number): { resume: number; quoteClosed?: number } {
    const key = this.locateKey(start);
    if ('error' in key) {
      this.fail(key.error, start);
      return { resume: this.resync(start) };
    }
    const { name, nameSpan } = key;
    if (name.includes(' ')) {
      // parser.parse: checked after the name is read, before the value is. The value is still read here, so that a
      // quoted value over several lines does not become statements of its own.
      this.fail(`line ${this.line}: key cannot contain a space`, start);
      const resume = key.inherited ? key.valueFrom : (this.value(key.valueFrom, start, false)?.resume ?? this.resync(start));
      this.line = this.newlinesBefore(resume) + 1;
      return { resume };
    }
    if (key.inherited) {
      const value = this.lookup(name);
      const span = { start, end: nameSpan.end };
      if (!name) this.warn('empty-name', span, 'this line has no variable name');
      else if (value === undefined)
        this.warn('not-inherited', span, `${name} has no "=": compose takes it from the environment, and sets nothing when the environment has no ${name}`);
      if (value !== undefined) this.define({ name, value, nameSpan, valueSpan: { start: nameSpan.end, end: nameSpan.end }, span, uses: [], inherited: true });
      return { resume: key.valueFrom };
    }
    const value = this.value(key.valueFrom, start, true);
    if (!value) return { resume: this.resync(start) };
    const span = { start, end: value.span.end };
    if (!name) {
      this.warn(
        'empty-name',
        span,
        key.unterminated
          ? 'this last line has no "=" and no line break after it: compose reads all of it as the value of a variable with an empty name'
          : 'this entry has no variable name',
      );
    }
    this.define({ name, value: value.value, nameSpan, valueSpan: value.span, span, uses: value.uses });
    return { resume: value.resume, quoteClosed: value.quoted ? value.span.end : undefined };
  }

  /**
   * compose-go locateKeyName. The name runs to the first `=`, `:` or line break; space characters inside it are
   * skipped over but kept (so `A\tB=1` is the name "A\tB", and `A B=1` an error). Two quirks are kept:
   * - a name that reaches the end of the text without `=`, `:` or a line break is no name at all: the key is "" and
   *   the whole statement is its value (so a last line `FOO` with no line break sets "" to "FOO");
   * - after a bare name with a space before its line break (`FOO \n`), compose does not count that line, so its
   *   later messages give line numbers one too low.
   */
  private locateKey(start: number): { error: string } | { name: string; nameSpan: Span; inherited: boolean; valueFrom: number; unterminated: boolean } {
    const { text } = this;
    let from = start;
    if (text.startsWith('export', from) && from + 6 < text.length && isRegexpSpace(text.charCodeAt(from + 6))) {
      from += 6;
      while (from < text.length && isSpace(text.charCodeAt(from))) from++;
    }
    let i = from;
    let end = -1;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      if (cp === 0x3d || cp === 0x3a || cp === NEWLINE) {
        end = i;
        break;
      }
      if (!isSpace(cp) && !isNameChar(cp)) {
        const newline = text.indexOf('\n', from);
        const firstLine = text.slice(from, newline === -1 ? text.length : newline);
        return { error: `line ${this.line}: unexpected character ${goQuote(String.fromCodePoint(cp))} in variable name ${goQuote(firstLine)}` };
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (from >= text.length) return { error: 'zero length string' };
    if (end === -1) return { name: '', nameSpan: { start: from, end: from }, inherited: false, valueFrom: from, unterminated: true };
    const raw = text.slice(from, end);
    const inherited = text.charCodeAt(end) === NEWLINE;
    if (inherited && !raw.includes(' ')) this.line++;
    let nameEnd = end;
    while (nameEnd > from && isUnicodeSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    let valueFrom = end + 1;
    while (valueFrom < text.length && isSpace(text.charCodeAt(valueFrom))) valueFrom++;
    return { name: text.slice(from, nameEnd), nameSpan: { start: from, end: nameEnd }, inherited, valueFrom, unterminated: false };
  }

  /**
   * compose-go extractVarValue from `at`: the value, its span as written, and where the next statement may start;
   * undefined after an error (recorded). `interpolated` false only skips over the value, after an error of its line.
   */
  private value(
    at: number,
    start: number,
    interpolated: boolean,
  ): { value: string; span: Span; uses: VariableUse[]; resume: number; quoted: boolean } | undefined {
    const { text } = this;
    const quote = text[at];
    if (quote !== '"' && quote !== "'") {
      // unquoted: to the end of the line, cut at ` #` (a space, then `#`: `a#b` keeps its `#`), trimmed
      let newline = text.indexOf('\n', at);
      if (newline === -1) newline = text.length;
      this.line++;
      const cut = text.slice(at, newline).indexOf(' #'); // within the line: a search to the end of the text would be quadratic
      let end = cut === -1 ? newline : at + cut;
      while (end > at && isUnicodeSpace(text.charCodeAt(end - 1))) end--;
      const decoded: Decoded = { value: text.slice(at, end), offset: at };
      const { value, uses } = interpolated ? this.interpolate(decoded) : { value: decoded.value, uses: [] };
      return { value, span: { start: at, end }, uses, resume: Math.min(newline + 1, text.length), quoted: false };
    }
    // quoted: the first quote of the same kind that no backslash escapes closes it, whatever lines lie between
    let close = -1;
    let escaped = false;
    let backslashes = false;
    for (let i = at + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (text[i] === quote && !escaped) {
        close = i;
        break;
      }
      if (c === BACKSLASH) backslashes = true;
      escaped = !escaped && c === BACKSLASH;
    }
    if (close === -1) {
      // compose has counted every line to the end of the text by now: its message names the last line
      const newline = text.indexOf('\n', at);
      if (interpolated) this.fail(`line ${this.line}: unterminated quoted value ${text.slice(at, newline === -1 ? text.length : newline)}`, start);
      return undefined;
    }
    const span = { start: at, end: close + 1 };
    const resume = close + 1;
    let decoded: Decoded = { value: text.slice(at + 1, close), offset: at + 1 };
    if (backslashes) decoded = unescapeQuotes(text, at + 1, close, quote);
    if (quote === "'" || !interpolated) return { value: decoded.value, span, uses: [], resume, quoted: true };
    if (backslashes) decoded = expandEscapes(decoded);
    const { value, uses } = this.interpolate(decoded);
    return { value, span, uses, resume, quoted: true };
  }

  /** godotenv.go expandVariables: compose's template substitution over the value, with spans back in the file. */
  private interpolate(decoded: Decoded): { value: string; uses: VariableUse[] } {
    if (!decoded.value.includes('$')) return { value: decoded.value, uses: [] };
    const result = interpolate(decoded.value, (name) => this.lookup(name));
    const { from, to, offset } = decoded;
    const last = decoded.value.length - 1;
    const place = (span: Span): Span =>
      from && to && last >= 0
        ? { start: from[Math.min(span.start, last)], end: to[Math.min(Math.max(span.start, span.end - 1), last)] }
        : { start: span.start + offset, end: span.end + offset };
    for (const problem of result.problems) this.interpolationProblem(problem, place(problem.span));
    return { value: result.value, uses: result.uses.map((use) => ({ ...use, span: place(use.span) })) };
  }

  private interpolationProblem(problem: InterpolationProblem, span: Span): void {
    this.problems.push({ message: problem.message, span, severity: 'error', code: problem.kind });
  }

  /** env.go GetEnvFromFile's lookup, then expandVariables' own: the environment, this file so far, earlier files. */
  private lookup(name: string): string | undefined {
    return this.environment?.(name) ?? this.values.get(name) ?? this.previous?.(name);
  }

  private define(written: Omit<EnvEntry, 'line'>): void {
    const entry: EnvEntry = {
      name: written.name,
      value: written.value,
      line: this.lineOf(written.nameSpan.start),
      nameSpan: written.nameSpan,
      valueSpan: written.valueSpan,
      span: written.span,
      uses: written.uses,
    };
    if (written.inherited) entry.inherited = true;
    const { line } = entry;
    const earlier = this.defined.get(entry.name);
    // `PATH=${PATH}:/more` redefines a name on purpose; any other second definition silently replaces the first
    if (earlier !== undefined && !entry.uses.some((use) => use.name === entry.name)) {
      const before = this.entries[earlier];
      this.warn('duplicate', before.span, `${entry.name || 'the empty name'} is defined twice; line ${line + 1} wins`);
    }
    this.defined.set(entry.name, this.entries.length);
    this.values.set(entry.name, entry.value);
    this.entries.push(entry);
  }

  private fail(message: string, start: number): void {
    this.problems.push({ message, span: { start, end: this.lineEndOf(start) }, severity: 'error', code: 'syntax' });
  }

  private warn(code: EnvFileProblemCode, span: Span, message: string): void {
    this.problems.push({ message, span, severity: 'warning', code });
  }

  /** After an error at `start`: parsing resumes on the next line, and compose's line count is set right again. */
  private resync(start: number): number {
    const newline = this.text.indexOf('\n', start);
    const resume = newline === -1 ? this.text.length : newline + 1;
    this.line = this.newlinesBefore(resume) + 1;
    return resume;
  }

  /** The end of `offset`'s line, before its `\r\n` or `\n`. */
  private lineEndOf(offset: number): number {
    const { text } = this;
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    if (end > offset && text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** How many `\n` precede `offset` (which never moves back: statements are read in order). */
  private newlinesBefore(offset: number): number {
    const { text } = this;
    if (offset < this.countedTo) {
      this.countedTo = 0;
      this.newlines = 0;
    }
    for (let i = this.countedTo; i < offset; i++) if (text.charCodeAt(i) === NEWLINE) this.newlines++;
    this.countedTo = offset;
    return this.newlines;
  }

  /** The 0-based line of an offset as an editor counts lines. */
  private lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line;
  }
}

/**
 * extractVarValue's loop over a quoted value text[from, to): a backslash before the quote character is dropped (in
 * single quotes too: `'Let\'s go!'` is `Let's go!`); every other backslash is kept with the character after it.
 */
function unescapeQuotes(text: string, from: number, to: number, quote: string): Decoded {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (ch: string, start: number, end: number) => {
    chars.push(ch);
    starts.push(start);
    ends.push(end);
  };
  let escaped = false;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch !== quote) {
      if (!escaped && ch === '\\') {
        escaped = true;
        continue;
      }
      if (escaped) {
        escaped = false;
        push('\\', i - 1, i);
      }
      push(ch, i, i + 1);
      continue;
    }
    // only an escaped quote can be inside the value
    escaped = false;
    push(ch, i - 1, i + 1);
  }
  return { value: chars.join(''), from: Int32Array.from(starts), to: Int32Array.from(ends), offset: from };
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

/**
 * compose-go expandEscapes: the matches of `\\(?:[abcfnrtv$"\\]|0\d{0,3})` are replaced, left to right, by what Go's
 * strconv.UnquoteChar makes of them. `\$` becomes `$$` (a literal `$` to the interpolation that follows). `\0NNN` is
 * read as the octal `\NNN` and is a character only with three octal digits up to 377; otherwise the rewritten text
 * stays (so `\0` alone becomes `\`, and `\012` becomes `\12`). `\c` matches but is no Go escape, so it stays as
 * written, as do `\x`, `\u` and every other backslash.
 */
function expandEscapes(input: Decoded): Decoded {
  const { value } = input;
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const from = (i: number) => (input.from ? input.from[i] : input.offset + i);
  const to = (i: number) => (input.to ? input.to[i] : input.offset + i + 1);
  const push = (text: string, first: number, last: number) => {
    for (const ch of text) {
      chars.push(ch);
      starts.push(from(first));
      ends.push(to(last));
    }
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const next = value[i + 1];
    if (ch !== '\\' || next === undefined) {
      push(ch, i, i);
      continue;
    }
    if (next === '$') {
      // two characters for two: each `$` keeps its own origin
      push('$', i, i);
      push('$', i + 1, i + 1);
      i++;
    } else if (next === 'c') {
      push('\\c', i, i + 1);
      i++;
    } else if (Object.hasOwn(SIMPLE_ESCAPES, next)) {
      push(SIMPLE_ESCAPES[next], i, i + 1);
      i++;
    } else if (next === '0') {
      let end = i + 2;
      while (end < value.length && end < i + 5 && value.charCodeAt(end) >= 0x30 && value.charCodeAt(end) <= 0x39) end++;
      const digits = value.slice(i + 2, end);
      const octal = digits.length === 3 && /^[0-7]{3}$/.test(digits) ? Number.parseInt(digits, 8) : 256;
      push(octal <= 255 ? String.fromCharCode(octal) : `\\${digits}`, i, end - 1);
      i = end - 1;
    } else {
      push(ch, i, i);
    }
  }
  return { value: chars.join(''), from: Int32Array.from(starts), to: Int32Array.from(ends), offset: input.offset };
}
