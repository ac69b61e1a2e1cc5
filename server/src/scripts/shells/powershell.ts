/**
 * PowerShell: the simple commands of a script, each split into the arguments a native command (docker.exe) receives.
 *
 * The rules are those of PowerShell's tokenizer in argument mode (about_Parsing, about_Quoting_Rules,
 * about_Special_Characters, about_Comment_Based_Help for `<# #>`; PowerShell's tokenizer.cs and CharTraits.cs for
 * where a bare word ends): a word ends at a blank, a line break, `;`, `|`, `&`, `(`, `)`, `{` or `}`; `#` starts a
 * comment only at the start of a word (`a#b` is one word); single quotes are literal with `''` for a quote; double
 * quotes and bare words take backtick escapes (`` `n ``, `` `t ``, `` `" ``, ...) and expand `$...`; `""` inside
 * double quotes is a quote; `@"..."@` and `@'...'@` are here-strings. A backtick before the line break continues
 * the command (trailing blanks after it are tolerated here, as people write them). `--%` passes the rest of the line
 * as it is, split by the program (argv.ts), with `%VAR%` expanded. PowerShell accepts typographic quotes as quotes.
 *
 * A word is not literal when a variable (`$x`, `${x}`, `$env:X`), a subexpression (`$(...)`, `@(...)`, `(...)`), a
 * hashtable, a splatted variable (`@args`) or a template expression (`${{ ... }}`) is part of it. Commas between
 * bare words stay in the word: a native command receives `a,b` as one argument (NativeCommandParameterBinder).
 */
import type { Span } from '../../documents/text';
import type { CommandLine, Word } from '../words';
import { CommandChars, splitArgv } from './argv';
import { CommandSink, lineEndFrom, Source, skipBalanced, TemplateExpressions, WordBuilder } from './source';

export function commandLines(text: string, from = 0, to = text.length, skip?: readonly Span[]): CommandLine[] {
  return new PowerShellReader(new Source(text, from, to, skip)).read();
}

class PowerShellReader {
  private readonly s: string;
  private readonly sink = new CommandSink('powershell', dropAssignment);
  private i = 0;
  private readonly templates = new TemplateExpressions();

  constructor(private readonly source: Source) {
    this.s = source.text;
  }

  read(): CommandLine[] {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\n' || c === '\r') {
        this.sink.end();
        this.i++;
        continue;
      }
      if (isBlank(c)) {
        this.i++;
        continue;
      }
      if (c === '`') {
        const continuation = continuationAt(s, this.i);
        if (continuation > 0) {
          this.i += continuation;
          continue;
        }
      }
      if (c === '#') {
        this.i = lineEndFrom(s, this.i);
        continue;
      }
      if (c === '<' && s[this.i + 1] === '#') {
        const close = s.indexOf('#>', this.i + 2);
        this.i = close < 0 ? s.length : close + 2;
        continue;
      }
      if (c === ';' || c === '|' || c === ')' || c === '}' || (c === '{' && s[this.i + 1] !== '{')) {
        this.sink.end();
        this.i += c === '|' && s[this.i + 1] === '|' ? 2 : 1;
        continue;
      }
      if (c === '&') {
        // `&&` (PowerShell 7) separates; a lone `&` before the command is the call operator (`& docker ...`,
        // `& "C:\Program Files\Docker\docker.exe" ...`) and not a word; after it, the background operator.
        if (s[this.i + 1] === '&' || this.sink.words.length > 0) this.sink.end();
        this.i += s[this.i + 1] === '&' ? 2 : 1;
        continue;
      }
      if (c === '>' || c === '<' || ((c === '*' || (c >= '1' && c <= '6')) && s[this.i + 1] === '>')) {
        this.redirection();
        continue;
      }
      if (c === '-' && s[this.i + 1] === '-' && s[this.i + 2] === '%' && endsToken(s[this.i + 3])) {
        this.stopParsing();
        continue;
      }
      const word = new WordBuilder();
      const end = this.scanWord(this.i, word);
      this.i = Math.max(end, this.i + 1);
      if (word.started) this.sink.add(word.build(this.source));
    }
    this.sink.end();
    return this.sink.lines;
  }

  /** Reads a word from `start`; returns the index after it. */
  private scanWord(start: number, word: WordBuilder): number {
    const s = this.s;
    let i = start;
    const c = s[i];
    if (c === '@') {
      const next = s[i + 1];
      if (isDoubleQuote(next) || isSingleQuote(next)) {
        const hereString = this.scanHereString(i, word);
        if (hereString > 0) return hereString;
      } else if (next === '(' || next === '{') {
        i = this.opaque(i, skipBalanced(s, i + 1, '`'), word);
      } else if (next !== undefined && /[\w?:]/.test(next)) {
        // Splatting: `@params` passes a hashtable's or array's elements as arguments.
        let end = i + 1;
        while (end < s.length && /[\w:]/.test(s[end])) end++;
        i = this.opaque(i, end, word);
      }
    } else if (c === '(' || (c === '{' && s[i + 1] === '{')) {
      // A parenthesised expression, or a `{{...}}` Go template meant for docker's --format (a script block to
      // PowerShell, which does not pass docker what it was written as).
      i = this.opaque(i, skipBalanced(s, i, '`'), word);
    }
    while (i < s.length) {
      const ch = s[i];
      if (endsToken(ch)) break;
      if (ch === '`') {
        if (continuationAt(s, i) > 0) break;
        if (i + 1 >= s.length) {
          word.push('`', i, i + 1);
          i++;
          continue;
        }
        const [value, length] = backtickEscape(s, i);
        word.push(value, i, i + length);
        i += length;
        continue;
      }
      if (isSingleQuote(ch)) {
        i = this.scanSingleQuoted(i, word);
        continue;
      }
      if (isDoubleQuote(ch)) {
        i = this.scanDoubleQuoted(i, word);
        continue;
      }
      if (ch === '$') {
        i = this.scanDollar(i, word);
        continue;
      }
      word.push(ch, i, i + 1);
      i++;
    }
    return i;
  }

  private opaque(from: number, to: number, word: WordBuilder): number {
    word.pushOpaque(this.s, from, to);
    return to;
  }

  /** `'...'`: literal, `''` is one quote. */
  private scanSingleQuoted(open: number, word: WordBuilder): number {
    const s = this.s;
    word.touch(open, open + 1);
    let i = open + 1;
    while (i < s.length) {
      if (isSingleQuote(s[i])) {
        if (isSingleQuote(s[i + 1])) {
          word.push(s[i + 1], i, i + 2);
          i += 2;
          continue;
        }
        word.touch(i, i + 1);
        return i + 1;
      }
      word.push(s[i], i, i + 1);
      i++;
    }
    return i;
  }

  /** `"..."`: backtick escapes, `""` for a quote, `$` expansions. */
  private scanDoubleQuoted(open: number, word: WordBuilder): number {
    const s = this.s;
    word.touch(open, open + 1);
    let i = open + 1;
    while (i < s.length) {
      const c = s[i];
      if (isDoubleQuote(c)) {
        if (isDoubleQuote(s[i + 1])) {
          word.push(s[i + 1], i, i + 2);
          i += 2;
          continue;
        }
        word.touch(i, i + 1);
        return i + 1;
      }
      if (c === '`' && i + 1 < s.length) {
        const [value, length] = backtickEscape(s, i);
        word.push(value, i, i + length);
        i += length;
        continue;
      }
      if (c === '$') {
        i = this.scanDollar(i, word);
        continue;
      }
      word.push(c, i, i + 1);
      i++;
    }
    return i;
  }

  /**
   * `$...` in a word or an expandable string: `$(...)`, `${name}` (and a `${{ ... }}` template expression), `$name`,
   * `$scope:name` / `$env:NAME`, and `$?`, `$^`, `$$`. Any other `$` is a literal dollar.
   */
  private scanDollar(i: number, word: WordBuilder): number {
    const s = this.s;
    const next = s[i + 1];
    let end = i + 1;
    const template = this.templates.endAt(s, i);
    if (template > 0) end = template;
    else if (next === '(') end = skipBalanced(s, i + 1, '`');
    else if (next === '{') {
      let j = i + 2;
      while (j < s.length && s[j] !== '}') j += s[j] === '`' ? 2 : 1;
      end = Math.min(j + 1, s.length);
    } else if (next === '?' || next === '^' || next === '$') end = i + 2;
    else if (next !== undefined && /\w/.test(next)) {
      end = i + 2;
      while (end < s.length && /\w/.test(s[end])) end++;
      if (s[end] === ':' && /\w/.test(s[end + 1] ?? '')) {
        end += 2;
        while (end < s.length && /\w/.test(s[end])) end++;
      }
    }
    if (end === i + 1) {
      word.push('$', i, i + 1);
      return end;
    }
    return this.opaque(i, end, word);
  }

  /**
   * `@"` or `@'` followed only by blanks to the end of the line opens a here-string; it ends at a line that starts
   * with `"@` (`'@`). Its value is the lines between, without the line break before the footer. The `@"` form expands
   * `$` and backtick escapes, the `@'` form is literal. 0 when the text at `at` is no here-string header.
   */
  private scanHereString(at: number, word: WordBuilder): number {
    const s = this.s;
    const expandable = isDoubleQuote(s[at + 1]);
    let i = at + 2;
    while (isBlank(s[i])) i++;
    if (i < s.length && s[i] !== '\n' && s[i] !== '\r') return 0;
    const bodyStart = i + (s[i] === '\r' && s[i + 1] === '\n' ? 2 : i < s.length ? 1 : 0);
    let footer = -1;
    for (let line = bodyStart; line < s.length; ) {
      if ((expandable ? isDoubleQuote(s[line]) : isSingleQuote(s[line])) && s[line + 1] === '@') {
        footer = line;
        break;
      }
      const lineEnd = nextLineBreak(s, line);
      if (lineEnd >= s.length) break;
      line = lineEnd + (s[lineEnd] === '\r' && s[lineEnd + 1] === '\n' ? 2 : 1);
    }
    let bodyEnd = footer < 0 ? s.length : footer;
    if (footer > bodyStart) {
      bodyEnd--;
      if (s[bodyEnd] === '\n' && s[bodyEnd - 1] === '\r') bodyEnd--;
    }
    bodyEnd = Math.max(bodyEnd, bodyStart);
    word.touch(at, bodyStart);
    for (let j = bodyStart; j < bodyEnd; ) {
      if (expandable && s[j] === '`' && j + 1 < bodyEnd) {
        const [value, length] = backtickEscape(s, j);
        word.push(value, j, j + length);
        j += length;
      } else if (expandable && s[j] === '$') {
        const end = Math.min(this.scanDollar(j, word), bodyEnd);
        j = end;
      } else {
        word.push(s[j], j, j + 1);
        j++;
      }
    }
    if (footer < 0) return s.length;
    word.touch(footer, footer + 2);
    return footer + 2;
  }

  /**
   * `>`, `>>`, `<`, stream redirections (`2>`, `*>`, `3>>`) and merges (`2>&1`): neither the operator nor its target
   * is an argument.
   */
  private redirection(): void {
    const s = this.s;
    let i = this.i;
    if (s[i] !== '>' && s[i] !== '<') i++;
    i++;
    if (s[i] === '>') i++;
    if (s[i] === '&' && s[i + 1] >= '1' && s[i + 1] <= '6') {
      this.i = i + 2;
      return;
    }
    while (isBlank(s[i])) i++;
    if (i >= s.length || s[i] === '\n' || s[i] === '\r' || endsToken(s[i])) {
      this.i = i;
      return;
    }
    this.i = Math.max(this.scanWord(i, new WordBuilder()), i + 1);
  }

  /**
   * `--%`: PowerShell stops parsing and passes the rest of the line (up to a line break or `|`) to the program as it
   * is, with `%NAME%` environment variables expanded (about_Parsing, "The stop-parsing token").
   */
  private stopParsing(): void {
    const s = this.s;
    let end = this.i + 3;
    while (end < s.length && s[end] !== '\n' && s[end] !== '\r' && s[end] !== '|') end++;
    const chars = new CommandChars();
    let noCloseBefore = -1;
    for (let j = this.i + 3; j < end; ) {
      if (s[j] === '%' && j >= noCloseBefore) {
        const close = s.indexOf('%', j + 1);
        if (close > j + 1 && close < end) {
          for (let k = j; k <= close; k++) chars.push(s[k], k, k + 1, true);
          j = close + 1;
          continue;
        }
        noCloseBefore = end;
      }
      chars.push(s[j], j, j + 1);
      j++;
    }
    for (const word of splitArgv(chars, this.source)) this.sink.add(word);
    this.i = end;
  }
}

/** `` ` `` followed by blanks up to a line break: the command goes on on the next line. Its length with the break, or 0. */
function continuationAt(s: string, i: number): number {
  let j = i + 1;
  while (s[j] === ' ' || s[j] === '\t') j++;
  if (s[j] === '\n') return j + 1 - i;
  if (s[j] === '\r') return j + (s[j + 1] === '\n' ? 2 : 1) - i;
  return 0;
}

const BACKTICK: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The escape at `s[i] === '`'`: its value and how many source characters it takes (about_Special_Characters). */
function backtickEscape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  const simple = BACKTICK[c];
  if (simple !== undefined) return [simple, 2];
  if (c === 'u' && s[i + 2] === '{') {
    let close = i + 3;
    while (close < Math.min(s.length, i + 10) && s[close] !== '}') close++;
    const hex = s[close] === '}' && close > i + 3 ? s.slice(i + 3, close) : '';
    const code = /^[0-9a-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : -1;
    if (code >= 0 && code <= 0x10ffff) return [String.fromCodePoint(code), close + 1 - i];
  }
  return [c, 2];
}

/** Characters that end a bare word (CharTraits.ForceStartNewToken, less the comma: see the file comment). */
function endsToken(c: string | undefined): boolean {
  return c === undefined || isBlank(c) || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '{' || c === '}';
}

function isBlank(c: string | undefined): boolean {
  if (c === undefined) return false;
  if (c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\u00a0' || c === '\u0085' || c === '\uFEFF') return true;
  return c > '\u007f' && /\p{Z}/u.test(c);
}

function isSingleQuote(c: string | undefined): boolean {
  return c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201a' || c === '\u201b';
}

function isDoubleQuote(c: string | undefined): boolean {
  return c === '"' || c === '\u201c' || c === '\u201d' || c === '\u201e';
}

function nextLineBreak(s: string, i: number): number {
  let j = i;
  while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
  return j;
}

const ASSIGNMENT = new Set(['=', '+=', '-=', '*=', '/=', '%=', '??=']);

/**
 * `$id = docker run ...`: an assignment whose value is a pipeline; the command is what follows the operator. The
 * target is a variable, possibly typed (`[string]$id`).
 */
function dropAssignment(words: Word[]): Word[] {
  if (words.length >= 2 && !words[0].literal && /^(\[[^\]]*\])*\$/.test(words[0].value) && ASSIGNMENT.has(words[1].value)) return words.slice(2);
  return words;
}
