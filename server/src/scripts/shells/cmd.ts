/**
 * cmd.exe and batch files: the simple commands of a script, each split into the arguments the program receives.
 *
 * cmd reads a line in phases (see "How does the Windows Command Interpreter (CMD.EXE) parse scripts?", the reference
 * answer on Stack Overflow, and `help set`, `help call`, `help for`): first `%VAR%`, `%1`, `%~dp0` and `%%i` are
 * expanded; then, outside double quotes, `^` escapes the next character (`^` at the end of a line joins the next
 * line, whose first character it escapes), and `&`, `&&`, `||`, `|`, `<`, `>`, `(` and `)` are operators; a line
 * break ends the command, inside quotes too. cmd then hands the program its command line as one string, and the
 * program splits it (argv.ts): that is where the quotes go, so a word's value is what docker.exe gets in os.Args.
 *
 * Variables (`%X%`, `!X!` with delayed expansion, `%1`, `%~dp0`, `%%i`) and Azure Pipelines macros (`$(name)`, which
 * the agent replaces before cmd runs) make a word non-literal and are kept as written.
 */
import type { Span } from '../../documents/text';
import type { CommandLine, Word } from '../words';
import { CommandChars, splitArgv } from './argv';
import { CommandSink, lineEndFrom, Source, TemplateExpressions } from './source';

export function commandLines(text: string, from = 0, to = text.length, skip?: readonly Span[]): CommandLine[] {
  return new CmdReader(new Source(text, from, to, skip)).read();
}

class CmdReader {
  private readonly s: string;
  private readonly sink = new CommandSink('cmd', stripControlHeads);
  private line = new CommandChars();
  private i = 0;
  private inQuote = false;
  /** Open `(` blocks: inside one, an unescaped `)` closes it wherever it stands. */
  private depth = 0;
  /** The character after a `^` line continuation is escaped. */
  private escapeNext = false;
  /** Searches for a closing `%` or `!` that failed: none before the end of that line, so later ones need not look. */
  private noPercentBefore = -1;
  private noBangBefore = -1;
  /** The end of the line last asked for (see lineEnd). */
  private knownLineEnd = -1;
  private readonly templates = new TemplateExpressions();

  constructor(private readonly source: Source) {
    this.s = source.text;
  }

  read(): CommandLine[] {
    const s = this.s;
    while (this.i < s.length) {
      if (this.line.length === 0 && this.commandStart()) continue;
      const c = s[this.i];
      if (c === '\n') {
        this.endCommand();
        this.i++;
        continue;
      }
      // cmd drops carriage returns while reading a line.
      if (c === '\r') {
        this.i++;
        continue;
      }
      if (c === '%' && this.percent()) continue;
      if (c === '!' && this.bang()) continue;
      if (c === '$' && this.macro()) continue;
      if (this.inQuote) {
        if (c === '"') this.inQuote = false;
        this.line.push(c, this.i, this.i + 1);
        this.i++;
        continue;
      }
      if (this.escapeNext) {
        this.escapeNext = false;
        this.line.push(c, this.i, this.i + 1);
        this.i++;
        continue;
      }
      switch (c) {
        case '^':
          this.caret();
          continue;
        case '"':
          this.inQuote = true;
          this.line.push(c, this.i, this.i + 1);
          this.i++;
          continue;
        case '&':
        case '|':
          this.endCommand();
          this.i += s[this.i + 1] === c ? 2 : 1;
          continue;
        case '<':
        case '>':
          this.redirection();
          continue;
        case '(':
          if (!this.atWordBoundary()) break;
          if (this.inForSet()) {
            this.forSet();
          } else {
            this.endCommand();
            this.depth++;
            this.i++;
          }
          continue;
        case ')':
          if (this.depth > 0 || this.atWordBoundary()) {
            this.endCommand();
            if (this.depth > 0) this.depth--;
            this.i++;
            continue;
          }
          break;
      }
      this.line.push(c, this.i, this.i + 1);
      this.i++;
    }
    this.endCommand();
    return this.sink.lines;
  }

  /**
   * Before the first character of a command: blanks, `@` (echo off for one command, not part of it), a `(` opening a
   * block, and whole-line comments: `REM` followed by a blank or the end of the line, and `::` (a label no `goto`
   * can reach, the batch idiom for a comment) or any `:label`. True when something was consumed.
   */
  private commandStart(): boolean {
    const s = this.s;
    const c = s[this.i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF' || c === '@' || c === '\n') {
      this.i++;
      return true;
    }
    if (c === ':' || isRem(s, this.i)) {
      this.i = lineEndFrom(s, this.i);
      return true;
    }
    if (c === '(') {
      this.depth++;
      this.i++;
      return true;
    }
    return false;
  }

  private endCommand(): void {
    this.inQuote = false;
    this.escapeNext = false;
    if (this.line.length > 0) for (const word of splitArgv(this.line, this.source)) this.sink.add(word);
    this.line = new CommandChars();
    this.sink.end();
  }

  /** `^`: the next character is taken literally; before a line break it joins the next line (and escapes its first character). */
  private caret(): void {
    const s = this.s;
    let next = this.i + 1;
    if (s[next] === '\r') next++;
    if (s[next] === '\n') {
      this.i = next + 1;
      this.escapeNext = true;
      return;
    }
    if (this.i + 1 < s.length) this.line.push(s[this.i + 1], this.i, this.i + 2);
    this.i += 2;
  }

  /**
   * `%...`: phase 1 of cmd's reading, inside quotes too. `%%` is a literal `%` in a batch file unless it names a `for`
   * variable (`%%i`, `%%~nxi`); `%1`..`%9`, `%*` and `%~dp0` are arguments; `%NAME%` (up to the next `%` on the line)
   * is a variable. A lone `%` stays as it is. Expanded parts are kept as written and make the word non-literal.
   */
  private percent(): boolean {
    const s = this.s;
    const i = this.i;
    const next = s[i + 1];
    let end = -1;
    if (next === '%') {
      const after = modifiersEnd(s, i + 2);
      if (after < s.length && isLetter(s[after])) end = after + 1;
      else {
        this.line.push('%', i, i + 2);
        this.i = i + 2;
        return true;
      }
    } else if (next === '*' || isDigit(next)) {
      end = i + 2;
    } else if (next === '~') {
      const after = modifiersEnd(s, i + 1);
      if (after < s.length && isDigit(s[after])) end = after + 1;
    } else if (next !== undefined && next !== '\n' && next !== '\r' && i >= this.noPercentBefore) {
      const close = s.indexOf('%', i + 1);
      const lineEnd = this.lineEnd(i);
      if (close >= 0 && close < lineEnd) end = close + 1;
      else this.noPercentBefore = lineEnd;
    }
    if (end < 0) return false;
    this.pushOpaque(i, end);
    return true;
  }

  /** `!NAME!`: a variable under delayed expansion (`setlocal EnableDelayedExpansion`); a name holds no blanks here. */
  private bang(): boolean {
    const s = this.s;
    const i = this.i;
    if (i < this.noBangBefore) return false;
    let j = i + 1;
    while (j < s.length && s[j] !== '!' && s[j] !== ' ' && s[j] !== '\t' && s[j] !== '\n' && s[j] !== '\r') j++;
    if (s[j] !== '!') {
      this.noBangBefore = j;
      return false;
    }
    if (j === i + 1) return false;
    this.pushOpaque(i, j + 1);
    return true;
  }

  /**
   * `$(name)` and `${{ ... }}`: Azure Pipelines macro and template syntax, replaced by the agent before cmd reads the
   * script (a literal `$(` in a docker argument in a batch file is rare enough to read it this way everywhere).
   */
  private macro(): boolean {
    const s = this.s;
    const i = this.i;
    const template = this.templates.endAt(s, i);
    if (template > 0) {
      this.pushOpaque(i, template);
      return true;
    }
    if (s[i + 1] !== '(') return false;
    let j = i + 2;
    while (j < s.length && /[\w.-]/.test(s[j])) j++;
    if (s[j] !== ')' || j === i + 2) return false;
    this.pushOpaque(i, j + 1);
    return true;
  }

  /** The end of the line holding `i`, remembered until the reading passes it (so a line full of `%` is searched once). */
  private lineEnd(i: number): number {
    if (i > this.knownLineEnd) this.knownLineEnd = lineEndFrom(this.s, i);
    return this.knownLineEnd;
  }

  private pushOpaque(from: number, to: number): void {
    for (let k = from; k < to; k++) this.line.push(this.s[k], k, k + 1, true);
    this.i = to;
  }

  /**
   * `>`, `>>`, `<`, with an optional handle digit written right before (`2>`) and `>&1`-style targets: neither the
   * operator nor its file are arguments of the command.
   */
  private redirection(): void {
    const s = this.s;
    const line = this.line;
    const last = line.length - 1;
    if (last >= 0 && isDigit(line.chars[last]) && !line.opaque[last] && line.to[last] === this.i && (last === 0 || isBlank(line.chars[last - 1]))) {
      line.pop();
    }
    let i = this.i + 1;
    if (s[i] === '>' && s[this.i] === '>') i++;
    if (s[i] === '&') {
      i++;
      if (isDigit(s[i])) {
        this.i = i + 1;
        return;
      }
    }
    while (s[i] === ' ' || s[i] === '\t') i++;
    let quoted = false;
    while (i < s.length && s[i] !== '\n') {
      const c = s[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === ' ' || c === '\t' || c === '\r' || '&|<>()'.includes(c))) break;
      else if (!quoted && c === '^') i++;
      i++;
    }
    this.i = Math.min(i, s.length);
  }

  /** Whether a `(` here starts a word: at the start of the command or after a blank. */
  private atWordBoundary(): boolean {
    const line = this.line;
    return line.length === 0 || isBlank(line.chars[line.length - 1]);
  }

  /** Whether the command so far is `for ... in` (or `for /f ... in`): its `(` holds the set, not a block. */
  private inForSet(): boolean {
    const chars = this.line.chars;
    let end = chars.length;
    while (end > 0 && isBlank(chars[end - 1])) end--;
    if (
      end < 3 ||
      chars
        .slice(end - 2, end)
        .join('')
        .toLowerCase() !== 'in' ||
      !isBlank(chars[end - 3])
    )
      return false;
    let start = 0;
    while (start < end && isBlank(chars[start])) start++;
    return (
      chars
        .slice(start, start + 3)
        .join('')
        .toLowerCase() === 'for' && isBlank(chars[start + 3])
    );
  }

  /** The set of a `for`: `(a b c)`, kept in the command as written up to its `)`, so `do` is found after it. */
  private forSet(): void {
    const s = this.s;
    let j = this.i;
    while (j < s.length && s[j] !== ')' && s[j] !== '\n') j++;
    const end = s[j] === ')' ? j + 1 : j;
    this.pushOpaque(this.i, end);
  }
}

/** REM, in any case, followed by a blank or the end of the line. */
function isRem(s: string, i: number): boolean {
  if ((s[i] !== 'r' && s[i] !== 'R') || (s[i + 1] !== 'e' && s[i + 1] !== 'E') || (s[i + 2] !== 'm' && s[i + 2] !== 'M')) return false;
  const after = s[i + 3];
  return after === undefined || after === ' ' || after === '\t' || after === '\r' || after === '\n';
}

/** After `%~`: the modifier letters of `%~dpnx0` or `%%~nxi` (and the `$PATH:` of `%~$PATH:1`). Index of the first one that is not. */
function modifiersEnd(s: string, i: number): number {
  let j = i;
  if (s[j] !== '~') return j;
  j++;
  while (j < s.length && /[fdpnxsatz]/i.test(s[j]) && (isLetter(s[j + 1]) || isDigit(s[j + 1]) || s[j + 1] === '$')) j++;
  if (s[j] === '$') {
    // `%~$PATH:1`: an environment variable's name, then a colon (a short name: the search is bounded).
    const name = /^\$[^:%\s]{0,64}:/.exec(s.slice(j, j + 67));
    if (name) j += name[0].length;
  }
  return j;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

const IF_CONDITIONS = new Set(['errorlevel', 'exist', 'defined', 'cmdextversion']);
const IF_OPERATORS = new Set(['==', 'equ', 'neq', 'lss', 'leq', 'gtr', 'geq']);

/**
 * The command inside `if <condition> <command>`, `for ... do <command>`, `else <command>`: cmd runs the part after
 * the head, so that is the simple command (`help if`, `help for`). A head alone (`if exist x (`, `) else (`) is no
 * command.
 */
function stripControlHeads(words: Word[]): Word[] {
  let rest = words;
  for (let guard = 0; guard < 64 && rest.length > 0; guard++) {
    const first = rest[0].literal ? rest[0].value.toLowerCase() : '';
    if (first === 'else' || first === 'do') {
      rest = rest.slice(1);
    } else if (first === 'if') {
      let k = 1;
      if (rest[k]?.value.toLowerCase() === '/i') k++;
      if (rest[k]?.value.toLowerCase() === 'not') k++;
      const condition = rest[k]?.value.toLowerCase() ?? '';
      if (IF_CONDITIONS.has(condition)) k += 2;
      else if (IF_OPERATORS.has(rest[k + 1]?.value.toLowerCase() ?? '')) k += 3;
      else k += 1;
      rest = rest.slice(k);
    } else if (first === 'for') {
      const doAt = rest.findIndex((w, k) => k > 0 && w.literal && w.value.toLowerCase() === 'do');
      rest = doAt < 0 ? [] : rest.slice(doAt + 1);
    } else {
      break;
    }
  }
  return rest;
}
