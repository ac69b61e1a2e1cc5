/**
 * POSIX sh and bash: the simple commands of a script, each split into the words the program receives.
 *
 * The rules are those of the Shell Command Language (POSIX.1-2017 XCU §2.2 Quoting, §2.3 Token Recognition, §2.6
 * Word Expansions, §2.7.4 Here-Document, §2.9.1 Simple Commands), with bash's `$'...'` (bash manual §3.1.2.4):
 * a backslash quotes the next character and, before a line break, removes both; single quotes keep everything;
 * inside double quotes a backslash escapes only `$`, `` ` ``, `"`, `\` and the line break; `$...` and backquotes are
 * expansions; an unquoted `#` at the start of a word starts a comment; `;`, `&`, `&&`, `||`, `|`, `(`, `)` and line
 * breaks end a command; `VAR=value` words before the command name are assignments, not words of the command.
 *
 * A word is not literal when an expansion (`$X`, `${X}`, `$(...)`, backquotes, `$((...))`), an unquoted glob
 * character (`*`, `?`, `[...]`) or a leading `~` is part of it; its value keeps those parts as written.
 */
import type { Span } from '../../documents/text';
import type { CommandLine } from '../words';
import { CommandSink, lineBreakAt, lineEndFrom, Source, skipBalanced, TemplateExpressions, WordBuilder } from './source';

export function commandLines(text: string, from = 0, to = text.length, skip?: readonly Span[]): CommandLine[] {
  return new PosixReader(new Source(text, from, to, skip)).read();
}

/**
 * Reserved words (§2.4) that open or close a compound command: where one stands as a command's first word, the
 * command proper follows it (`then docker network create ...`, `! docker network inspect x`).
 */
const RESERVED = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'esac']);

interface HereDocument {
  delimiter: string;
  /** `<<-`: leading tabs are stripped from the body's lines and from the delimiter line. */
  stripTabs: boolean;
}

class PosixReader {
  private readonly s: string;
  private readonly sink = new CommandSink('posix');
  private i = 0;
  /** Here-documents whose bodies start after the current line. */
  private pending: HereDocument[] = [];
  private readonly templates = new TemplateExpressions();

  constructor(private readonly source: Source) {
    this.s = source.text;
  }

  read(): CommandLine[] {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      const br = lineBreakAt(s, this.i);
      if (br > 0) {
        this.i += br;
        this.sink.end();
        if (this.pending.length > 0) this.skipHereDocuments();
        continue;
      }
      // A carriage return not before a line feed is taken as a blank (bash would keep it in the word; a script with
      // stray CRs was saved on Windows, and its author meant no such character).
      if (isBlank(c) || c === '\r') {
        this.i++;
        continue;
      }
      if (c === '\\' && lineBreakAt(s, this.i + 1) > 0) {
        this.i += 1 + lineBreakAt(s, this.i + 1);
        continue;
      }
      if (c === '#') {
        this.i = lineEndFrom(s, this.i);
        continue;
      }
      if (c === '&' && s[this.i + 1] === '>') {
        // bash's `&>file` and `&>>file`: both streams to a file.
        this.redirection(this.i + 1);
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
        this.sink.end();
        const next = s[this.i + 1];
        this.i += (next === c && c !== '(' && c !== ')') || (c === '|' && next === '&') ? 2 : 1;
        continue;
      }
      if (c === '<' || c === '>') {
        this.redirection(this.i);
        continue;
      }
      if (isDigit(c)) {
        let j = this.i;
        while (isDigit(s[j])) j++;
        if (s[j] === '<' || s[j] === '>') {
          this.redirection(j);
          continue;
        }
      }
      const word = new WordBuilder();
      const end = this.scanWord(this.i, word);
      this.i = Math.max(end, this.i + 1);
      this.addWord(word);
    }
    this.sink.end();
    return this.sink.lines;
  }

  /** A finished word: dropped when it is an assignment or a reserved word before the command name. */
  private addWord(word: WordBuilder): void {
    if (!word.started) return;
    if (this.sink.words.length === 0) {
      if (isAssignment(this.s, word.start)) return;
      // Only as written: a quoted `'if'` is an ordinary word.
      if (word.literal && RESERVED.has(word.value) && this.s.slice(word.start, word.end) === word.value) return;
    }
    this.sink.add(word.build(this.source));
  }

  /** Reads a word from `i`; returns the index after it. */
  private scanWord(start: number, word: WordBuilder): number {
    const s = this.s;
    let i = start;
    /** An unquoted `[` was seen: a `]` after it makes a bracket glob. */
    let bracket = false;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\') {
        const br = lineBreakAt(s, i + 1);
        if (br > 0) i += 1 + br;
        else if (i + 1 < s.length) {
          word.push(s[i + 1], i, i + 2);
          i += 2;
        } else {
          word.push('\\', i, i + 1);
          i++;
        }
        continue;
      }
      if (c === '(' && s[i - 1] === '=' && isAssignment(s, start)) {
        // An array assignment, `A=(x y)`: dropped with its word, so read as one piece.
        const end = skipBalanced(s, i, '\\');
        word.pushOpaque(s, i, end);
        i = end;
        continue;
      }
      if (isBlank(c) || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')') break;
      switch (c) {
        case "'": {
          const close = s.indexOf("'", i + 1);
          const end = close < 0 ? s.length : close;
          word.touch(i, i + 1);
          for (let k = i + 1; k < end; k++) word.push(s[k], k, k + 1);
          if (close >= 0) word.touch(close, close + 1);
          i = close < 0 ? s.length : close + 1;
          continue;
        }
        case '"':
          i = this.scanDoubleQuoted(i, word);
          continue;
        case '$':
          if (s[i + 1] === "'") {
            i = this.scanAnsiC(i, word);
            continue;
          }
          if (s[i + 1] === '"') {
            // `$"..."`: a string translated by the locale; as written, a double-quoted string.
            word.touch(i, i + 1);
            i = this.scanDoubleQuoted(i + 1, word);
            continue;
          }
          i = this.scanDollar(i, word);
          continue;
        case '`':
          i = this.scanBackquoted(i, word);
          continue;
        case '*':
        case '?':
          word.pushOpaque(s, i, i + 1);
          i++;
          continue;
        case '[':
          bracket = true;
          break;
        case ']':
          if (bracket) word.literal = false;
          break;
        case '~':
          if (i === start) word.literal = false;
          break;
      }
      word.push(c, i, i + 1);
      i++;
    }
    return i;
  }

  /** `"..."` from the quote at `open`; returns the index after the closing quote. */
  private scanDoubleQuoted(open: number, word: WordBuilder): number {
    const s = this.s;
    word.touch(open, open + 1);
    let i = open + 1;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        word.touch(i, i + 1);
        return i + 1;
      }
      if (c === '\\') {
        const next = s[i + 1];
        const br = lineBreakAt(s, i + 1);
        if (br > 0) {
          i += 1 + br;
          word.touch(i - 1 - br, i);
        } else if (next === '$' || next === '`' || next === '"' || next === '\\') {
          word.push(next, i, i + 2);
          i += 2;
        } else {
          word.push('\\', i, i + 1);
          i++;
        }
        continue;
      }
      if (c === '$') {
        i = this.scanDollar(i, word);
        continue;
      }
      if (c === '`') {
        i = this.scanBackquoted(i, word);
        continue;
      }
      word.push(c, i, i + 1);
      i++;
    }
    return i;
  }

  /**
   * An expansion at `$`: `$(...)` and `$((...))`, `${...}` (and a `${{ ... }}` template expression), `$name`, and
   * the special parameters `$1`, `$@`, `$*`, `$#`, `$?`, `$-`, `$$`, `$!`. Any other `$` is a literal dollar.
   */
  private scanDollar(i: number, word: WordBuilder): number {
    const s = this.s;
    const next = s[i + 1];
    let end = i + 1;
    const template = this.templates.endAt(s, i);
    if (template > 0) end = template;
    else if (next === '(' || next === '{') end = skipBalanced(s, i + 1, '\\');
    else if (next !== undefined && /[A-Za-z_]/.test(next)) {
      end = i + 2;
      while (end < s.length && /\w/.test(s[end])) end++;
    } else if (next !== undefined && /[0-9@*#?$!-]/.test(next)) end = i + 2;
    if (end === i + 1) {
      word.push('$', i, i + 1);
      return end;
    }
    word.pushOpaque(s, i, end);
    return end;
  }

  /** `` `...` ``: command substitution, to the next unescaped backquote. */
  private scanBackquoted(i: number, word: WordBuilder): number {
    const s = this.s;
    let j = i + 1;
    while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
    const end = Math.min(j + 1, s.length);
    word.pushOpaque(s, i, end);
    return end;
  }

  /** `$'...'`: bash's ANSI-C quoting, with its backslash escapes decoded. */
  private scanAnsiC(i: number, word: WordBuilder): number {
    const s = this.s;
    word.touch(i, i + 2);
    let j = i + 2;
    while (j < s.length) {
      const c = s[j];
      if (c === "'") {
        word.touch(j, j + 1);
        return j + 1;
      }
      if (c !== '\\' || j + 1 >= s.length) {
        word.push(c, j, j + 1);
        j++;
        continue;
      }
      const [value, length] = ansiEscape(s, j);
      word.push(value, j, j + length);
      j += length;
    }
    return j;
  }

  /**
   * A redirection operator at `op` (after any handle digits): `<`, `>`, `>>`, `>|`, `<>`, `<&`, `>&`, `<<<`, and the
   * here-document operators `<<` and `<<-`, whose delimiter word is remembered so the body can be skipped. Neither the
   * operator nor its target is a word of the command.
   */
  private redirection(op: number): void {
    const s = this.s;
    let i = op + 1;
    let hereDocument: HereDocument | undefined;
    if (s[op] === '<' && s[i] === '<') {
      i++;
      if (s[i] === '<') i++;
      else {
        hereDocument = { delimiter: '', stripTabs: s[i] === '-' };
        if (hereDocument.stripTabs) i++;
      }
    } else if (s[i] === '>' || s[i] === '|' || (s[op] === '<' && s[i] === '>')) {
      i++;
    }
    if (s[i] === '&') {
      i++;
      if (isDigit(s[i]) || s[i] === '-') {
        while (isDigit(s[i]) || s[i] === '-') i++;
        this.i = i;
        return;
      }
    }
    while (isBlank(s[i])) i++;
    const target = new WordBuilder();
    this.i = lineBreakAt(s, i) > 0 || i >= s.length ? i : this.scanWord(i, target);
    if (hereDocument && target.started) {
      hereDocument.delimiter = target.value;
      this.pending.push(hereDocument);
    }
  }

  /** At the start of a line, after a command that opened here-documents: their bodies, up to each delimiter line. */
  private skipHereDocuments(): void {
    const s = this.s;
    for (const document of this.pending) {
      while (this.i < s.length) {
        const lineEnd = lineEndFrom(s, this.i);
        let lineStart = this.i;
        if (document.stripTabs) while (s[lineStart] === '\t') lineStart++;
        const line = s.slice(lineStart, lineEnd);
        this.i = lineEnd + lineBreakAt(s, lineEnd);
        if (this.i === lineEnd) this.i = s.length;
        if (line === document.delimiter) break;
      }
    }
    this.pending = [];
  }
}

/** `NAME=` or `NAME+=` at `start`, unquoted: an assignment word (§2.9.1). */
function isAssignment(s: string, start: number): boolean {
  let i = start;
  if (!/[A-Za-z_]/.test(s[i] ?? '')) return false;
  while (i < s.length && /\w/.test(s[i])) i++;
  if (s[i] === '+') i++;
  return s[i] === '=';
}

const ANSI_SIMPLE: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The escape at `s[i] === '\\'` in a `$'...'` string: its value and how many source characters it takes. */
function ansiEscape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  const simple = ANSI_SIMPLE[c];
  if (simple !== undefined) return [simple, 2];
  if (c === 'x') {
    let j = i + 2;
    while (j < i + 4 && /[0-9a-fA-F]/.test(s[j] ?? '')) j++;
    if (j > i + 2) return [String.fromCharCode(Number.parseInt(s.slice(i + 2, j), 16)), j - i];
  }
  if (c >= '0' && c <= '7') {
    let j = i + 1;
    while (j < i + 4 && /[0-7]/.test(s[j] ?? '')) j++;
    return [String.fromCharCode(Number.parseInt(s.slice(i + 1, j), 8) & 0xff), j - i];
  }
  return [`\\${c}`, 2];
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\uFEFF' || c === '\v' || c === '\f';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
