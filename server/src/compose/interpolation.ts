/**
 * Variables in compose values. Compose substitutes `$VAR` and `${VAR}` (with `:-`, `-`, `:?`, `?`, `:+`, `+`, and
 * nested expressions) in every value before it reads the file, from the shell and the `.env` file; `$$` is a
 * literal `$`; an unset variable becomes an empty string (Docker Compose reference, "Interpolation":
 * https://docs.docker.com/reference/compose-file/interpolation/).
 *
 * Where winnet does not know the environment compose will run in, a value with a variable in it is unknown: rules
 * that judge a value (`isolation: ${ISOLATION}`, `driver: ${DRIVER:-transparent}`, `"${HOST_IP}:80:80"`) leave
 * it alone, as the compose-schema rule does; rules that judge that a key is written (`extra_hosts`, `ip_range`)
 * still report it. `variableSpans`, `isInterpolated`, `maskVariables` and `withDefaults` serve that. Where the
 * environment is known (the shell's, a `.env` file's), `interpolate` gives the value compose would, as compose-go
 * computes it.
 */
import { fillSpans, type Span } from '../documents/text';

/** Where each variable expression of `text` starts and ends (`$$` escapes are not expressions). */
export function variableSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = text.indexOf('$');
  while (i !== -1 && i < text.length - 1) {
    const next = text[i + 1];
    if (next === '$') {
      i = text.indexOf('$', i + 2);
      continue;
    }
    let end = -1;
    if (next === '{') {
      // Braces nest (`${A:-${B}}`); an expression that never closes runs to the end, where compose reports it.
      let depth = 0;
      end = text.length;
      for (let j = i + 1; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) {
          end = j + 1;
          break;
        }
      }
    } else if (/[A-Za-z_]/.test(next)) {
      end = i + 2;
      while (end < text.length && /\w/.test(text[end])) end++;
    }
    if (end === -1) {
      i = text.indexOf('$', i + 1); // `$1`, `$-`: compose keeps the `$` as written
      continue;
    }
    spans.push({ start: i, end });
    i = text.indexOf('$', end);
  }
  return spans;
}

/** True for a string value compose would substitute a variable into. */
export function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && variableSpans(value).length > 0;
}

/**
 * `text` with each variable expression replaced by NUL characters of the same length, so a value can be split on
 * its separators (`:` and `/` of a port) without cutting into `${VAR:-default}`, and offsets still match the text.
 */
export function maskVariables(text: string): string {
  return fillSpans(text, variableSpans(text), '\0');
}

/**
 * What `text` reads as when no variable is set: each expression becomes its default (`${TAG:-ltsc2019}` and
 * `${TAG-ltsc2019}` give `ltsc2019`, nested defaults are followed) and any other expression becomes empty, as
 * compose substitutes an unset variable. Used where a value's literal parts and defaults are evidence (an image
 * tag that names a Windows release), never to judge a value.
 */
export function withDefaults(text: string, depth = 0): string {
  const spans = variableSpans(text);
  if (!spans.length) return text;
  let out = '';
  let copied = 0;
  for (const { start, end } of spans) {
    out += text.slice(copied, start) + defaultOf(text.slice(start, end), depth);
    copied = end;
  }
  return out + text.slice(copied);
}

/** Defaults nested deeper than this read as empty: no real file nests so deep, and a crafted one stays linear. */
const MAX_DEFAULT_DEPTH = 8;

function defaultOf(expression: string, depth: number): string {
  if (depth >= MAX_DEFAULT_DEPTH) return '';
  const m = /^\$\{[A-Za-z_]\w*(:?-)([\s\S]*)\}$/.exec(expression);
  return m ? withDefaults(m[2], depth + 1) : '';
}

// Substitution as compose does it. The helpers above only locate variables; `interpolate` computes the value compose
// would produce for a given environment, with every lookup it makes and every error it would report. It ports the
// behaviour of compose-go `template/template.go` (SubstituteWithOptions, DefaultReplacementAppliedFunc and the
// default/required/presence functions; compose-spec/compose-go at e70e961c), checked against that code's own tests.

/** The operator of a braced expression: `${NAME:-default}` has `:-`. */
export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

/** One variable compose looks up while substituting: lazily, so a default that is not used is not looked into. */
export interface VariableUse {
  name: string;
  /** span of the whole `${...}`/`$VAR` expression in the input text */
  span: Span;
  /** whether the lookup had a value for it (set, even if empty) */
  set: boolean;
  value?: string;
  /**
   * The operator after the name, absent for `$VAR` and `${VAR}`. Compose warns "The "X" variable is not set.
   * Defaulting to a blank string." only for those: an unset use with an operator is handled by the operator.
   */
  operator?: InterpolationOperator;
}

export interface InterpolationProblem {
  message: string;
  span: Span;
  kind: 'required' | 'format';
}

export interface Interpolated {
  value: string;
  uses: VariableUse[];
  problems: InterpolationProblem[];
}

export interface InterpolateOptions {
  /**
   * The dotted path of the value in the compose file (`services.web.image`). With it the messages are worded as
   * `docker compose` prints them for a compose file (compose-go `interpolation/interpolation.go` newPathError);
   * without it, as compose-go's template errors read (which is what an env file's errors say).
   */
  path?: string;
}

/**
 * Defaults, alternates and required-messages nested deeper than this are not substituted (a 'format' problem says
 * so): compose has no limit, but no real file nests more than a few levels, and the bound keeps a crafted value's
 * cost linear in its length times this depth.
 */
const MAX_NESTING = 32;

/**
 * Problems kept per call. compose reports only its first error; past this many, more add nothing a reader could use,
 * and a value made of `${` a million times over stays cheap.
 */
const MAX_PROBLEMS = 100;

/** Substitutes as compose-go's template.Substitute does, with `lookup` giving a variable's value (undefined = unset). */
export function interpolate(text: string, lookup: (name: string) => string | undefined, options: InterpolateOptions = {}): Interpolated {
  if (!text.includes('$')) return { value: text, uses: [], problems: [] };
  const substitution = new Substitution(text, lookup, options.path);
  const value = substitution.substitute(0, text.length, 0);
  return { value, uses: substitution.uses, problems: substitution.problems };
}

const DOLLAR = 0x24;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const NEWLINE = 0x0a;

/**
 * compose-go's pattern is `\$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))`. Under `(?i)`
 * Go folds case by Unicode's simple folding, so besides A-Z the class `[a-z]` also takes ſ (U+017F, which folds to
 * s) and the Kelvin sign (U+212A, which folds to k): `$ſ` is a variable to compose.
 */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x17f || c === 0x212a;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

function operatorAt(text: string, at: number, to: number): InterpolationOperator | undefined {
  const c = at < to ? text[at] : '';
  if (c === '-' || c === '+' || c === '?') return c;
  if (c === ':' && at + 1 < to) {
    const next = text[at + 1];
    if (next === '-' || next === '+' || next === '?') return `:${next}`;
  }
  return undefined;
}

class Substitution {
  readonly uses: VariableUse[] = [];
  readonly problems: InterpolationProblem[] = [];
  /** Every error met, kept in `problems` or not: an error anywhere in a match empties it. */
  private errors = 0;
  /** The message for an invalid `${` in a template, made once per template (a template can be the whole text). */
  private readonly invalidMessages = new Map<string, string>();
  /** lineEnd[i]: the first `\n` at or after i (or the text's length); built on the first braced operator. */
  private lineEnd?: Int32Array;
  /** braceBefore[i]: the last `}` before i, or -1. */
  private braceBefore?: Int32Array;

  constructor(
    private readonly text: string,
    private readonly lookup: (name: string) => string | undefined,
    private readonly path: string | undefined,
  ) {}

  /**
   * compose-go SubstituteWithOptions over text[from, to): every match of the pattern is replaced, left to right;
   * text that matches nothing (`$`, `$1`, `$}`) stays as written. An error does not stop the scan (compose keeps the
   * first error and goes on replacing), so later expressions are still looked up, as compose does.
   */
  substitute(from: number, to: number, depth: number): string {
    const { text } = this;
    const parts: string[] = [];
    let copied = from;
    const flush = (upTo: number) => {
      if (upTo > copied) parts.push(text.slice(copied, upTo));
      copied = upTo;
    };
    // A braced expression with an operator is matched greedily by `(.*)}` up to the last `}` of its line; compose
    // then cuts the expression at its own closing brace and substitutes what follows (the "rest") as a template of
    // its own (DefaultReplacementAppliedFunc, SubstituteWith(rest)). An error anywhere in that match empties all
    // of it, and an invalid `${` in the rest is reported with the rest as its template. Rests nest but all end at the
    // same brace, so one open match is enough.
    let match: { end: number; part: number; errors: number; restFrom: number } | undefined;
    const closeMatch = () => {
      if (!match) return;
      flush(match.end);
      if (this.errors > match.errors) parts.length = match.part;
      match = undefined;
    };

    let i = from;
    while (i < to) {
      const found = text.indexOf('$', i);
      const dollar = found === -1 || found >= to ? to : found;
      if (match && dollar >= match.end) closeMatch();
      if (dollar >= to - 1) break; // no `$`, or a `$` ending the text: literal
      const next = text.charCodeAt(dollar + 1);
      if (next === DOLLAR) {
        // `$$` is a literal `$` (the pattern's "escaped" group)
        flush(dollar);
        parts.push('$');
        i = copied = dollar + 2;
      } else if (isNameStart(next)) {
        let end = dollar + 2;
        while (end < to && isNameChar(text.charCodeAt(end))) end++;
        flush(dollar);
        parts.push(this.use(text.slice(dollar + 1, end), dollar, end) ?? '');
        i = copied = end;
      } else if (next === OPEN) {
        flush(dollar);
        const template = match ? { from: match.restFrom, to: match.end } : { from, to };
        const braced = this.braced(dollar, to, depth);
        if (!braced) {
          // the pattern's "invalid" group matched `${` alone: compose replaces it with nothing and goes on after it
          this.invalid(template, dollar, to);
          i = copied = dollar + 2;
          continue;
        }
        if (braced.matchEnd !== undefined && !match) match = { end: braced.matchEnd, part: parts.length, errors: braced.errorsBefore, restFrom: to };
        parts.push(braced.value);
        i = copied = braced.end;
        if (match && braced.matchEnd !== undefined) {
          if (this.errors > braced.errorsBefore)
            i = copied = match.end; // compose does not substitute the rest of a failed expression
          else match.restFrom = braced.end;
        }
      } else {
        i = dollar + 1; // `$1`, `$-`, `$}`: not a match; the scan goes on from the next character
      }
      if (match && i >= match.end) closeMatch();
    }
    closeMatch();
    flush(to);
    return parts.join('');
  }

  /**
   * The braced expression at `dollar`, or undefined when the pattern's braced group does not match there (`${}`,
   * `${ x}`, `${x }`, `${x!}`, an operator with no `}` after it on its line). `matchEnd` is set for an expression with
   * an operator: where compose's greedy match ends, which may be past the expression's own end.
   */
  private braced(dollar: number, to: number, depth: number): { value: string; end: number; matchEnd?: number; errorsBefore: number } | undefined {
    const { text } = this;
    const nameStart = dollar + 2;
    if (nameStart >= to || !isNameStart(text.charCodeAt(nameStart))) return undefined;
    let nameEnd = nameStart + 1;
    while (nameEnd < to && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    const name = text.slice(nameStart, nameEnd);
    const errorsBefore = this.errors;
    if (nameEnd < to && text.charCodeAt(nameEnd) === CLOSE) {
      return { value: this.use(name, dollar, nameEnd + 1) ?? '', end: nameEnd + 1, errorsBefore };
    }
    const operator = operatorAt(text, nameEnd, to);
    if (!operator) return undefined;
    const argStart = nameEnd + operator.length;
    // `(.*)}`: `.` is anything but `\n`, and greedy, so the match runs to the last `}` of the line
    const lastBrace = this.lastBraceOnLine(argStart, to);
    if (lastBrace < argStart) return undefined;
    const matchEnd = lastBrace + 1;
    // compose-go getFirstBraceClosingIndex: the expression ends at the `}` that balances the `${`. Its count skips
    // the character after every `{` (a quirk kept here: `${A:-{}x}` is one expression with the default `{}x`), and
    // when the count never returns to zero the whole greedy match is the expression.
    const closing = firstBraceClosing(text, dollar, matchEnd);
    const end = closing === -1 ? matchEnd : closing + 1;
    const span = { start: dollar, end };
    const argEnd = end - 1;
    const value = this.lookup(name);
    const set = value !== undefined;
    this.uses.push(set ? { name, span, set, value, operator } : { name, span, set, operator });
    const nested = () => this.nested(argStart, argEnd, depth, span);
    let result: string;
    switch (operator) {
      case ':-': // defaultWhenEmptyOrUnset
      case '-': // defaultWhenUnset
        result = !set || (operator === ':-' && value === '') ? nested() : value;
        break;
      case ':+': // defaultWhenNotEmpty
      case '+': // defaultWhenSet
        result = set && (operator === '+' || value !== '') ? nested() : (value ?? '');
        break;
      default: {
        // ':?' requiredErrorWhenEmptyOrUnset, '?' requiredErrorWhenUnset. The message is itself substituted, and an
        // error in it is reported instead of the missing variable.
        const missing = !set || (operator === ':?' && value === '');
        result = missing ? '' : value;
        if (missing) {
          const reason = nested();
          if (this.errors === errorsBefore) {
            const error = reason ? `required variable ${name} is missing a value: ${reason}` : `required variable ${name} is missing a value`;
            this.problem({ kind: 'required', span, message: this.path === undefined ? error : `error while interpolating ${this.path}: ${error}` });
          }
        }
      }
    }
    if (this.errors > errorsBefore) result = '';
    return { value: result, end, matchEnd, errorsBefore };
  }

  /** A default, alternate or message: substituted as a template of its own (compose calls Substitute on it). */
  private nested(from: number, to: number, depth: number, span: Span): string {
    if (depth >= MAX_NESTING) {
      this.problem({ kind: 'format', span, message: `variable expressions nested more than ${MAX_NESTING} deep are not interpolated` });
      return '';
    }
    return this.substitute(from, to, depth + 1);
  }

  private use(name: string, start: number, end: number): string | undefined {
    const value = this.lookup(name);
    this.uses.push(value === undefined ? { name, span: { start, end }, set: false } : { name, span: { start, end }, set: true, value });
    return value;
  }

  private problem(problem: InterpolationProblem): void {
    this.errors++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }

  /** compose-go InvalidTemplateError, with the template of the Substitute call that met it. */
  private invalid(template: { from: number; to: number }, dollar: number, to: number): void {
    // The span: `${` and what plausibly belongs to it, up to a `}` on its line (bounded, so a line of `${` stays linear).
    const { text } = this;
    let end = dollar + 2;
    const limit = Math.min(to, dollar + 256);
    while (end < limit) {
      const c = text.charCodeAt(end);
      if (c === NEWLINE || c === DOLLAR) break;
      end++;
      if (c === CLOSE) break;
    }
    while (end > dollar + 2 && /\s/.test(text[end - 1])) end--;
    const key = `${template.from}:${template.to}`;
    let message = this.invalidMessages.get(key);
    if (message === undefined) {
      const written = text.slice(template.from, template.to);
      message =
        this.path === undefined
          ? `Invalid template: ${goQuote(written)}`
          : `invalid interpolation format for ${this.path}.\nYou may need to escape any $ with another $.\n${written}`;
      this.invalidMessages.set(key, message);
    }
    this.problem({ kind: 'format', span: { start: dollar, end }, message });
  }

  /** The last `}` in text[from, min(end of from's line, to)), or -1; linear tables so a long line stays linear. */
  private lastBraceOnLine(from: number, to: number): number {
    if (!this.lineEnd || !this.braceBefore) {
      const { text } = this;
      const n = text.length;
      this.lineEnd = new Int32Array(n + 1);
      this.braceBefore = new Int32Array(n + 1);
      this.lineEnd[n] = n;
      for (let k = n - 1; k >= 0; k--) this.lineEnd[k] = text.charCodeAt(k) === NEWLINE ? k : this.lineEnd[k + 1];
      this.braceBefore[0] = -1;
      for (let k = 0; k < n; k++) this.braceBefore[k + 1] = text.charCodeAt(k) === CLOSE ? k : this.braceBefore[k];
    }
    const limit = Math.min(this.lineEnd[from], to);
    const last = this.braceBefore[limit];
    return last >= from ? last : -1;
  }
}

/** compose-go getFirstBraceClosingIndex over text[start, end), as an offset into text, or -1. */
function firstBraceClosing(text: string, start: number, end: number): number {
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CLOSE && --open === 0) return i;
    if (c === OPEN) {
      open++;
      i++; // compose skips the character after every `{`
    }
  }
  return -1;
}

/**
 * A string as Go's `%q` and `%#v` print it (strconv.Quote): printable characters as they are (Go's IsPrint: letters,
 * marks, numbers, punctuation, symbols and the ASCII space), the C escapes, then `\x`, `\u` or `\U` escapes.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp === 0x20 || (cp < 0x7f && cp > 0x20)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += '\uFFFD'; // a lone surrogate: no UTF-8 text decodes to one
    else if (cp > 0x7f && GO_PRINTABLE.test(ch)) out += ch;
    else {
      const c = C_ESCAPES[cp];
      if (c) out += c;
      else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const C_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
