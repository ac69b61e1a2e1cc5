/**
 * The fast JSON path: strict JSON (RFC 8259), read in one pass straight into the located tree.
 *
 * Why: the general path (json.ts) scans the text for its nesting depth, has jsonc-parser build its own tree, and
 * then converts that tree into ours. On a 1.6 MB HNS dump that was about 100 ms of a cold 350 ms check, and a
 * quarter of the check's garbage collection (bench/RESULTS.md). HNS and HCN documents, `hnsdiag` and
 * `ConvertTo-Json` output and CNI configs are strict JSON, so they all take this path.
 *
 * It must read what it accepts exactly as the general path does (same nodes, values and spans, and only texts the
 * general path reads without an error), and refuse everything else, which the general path then reads and reports:
 * comments, trailing commas, any syntax error, a control character or a bad escape in a string, whitespace JSON
 * does not allow, and nesting deeper than the limit. json-fast.test.ts and the fuzzer hold it to that.
 */
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './tree';

/** The tree of `text` if it is strict JSON nested at most `maxDepth` deep, else undefined. */
export function parseJsonFast(text: string, maxDepth: number): Node | undefined {
  return new StrictJsonReader(text, maxDepth).document();
}

// A JSON number, exactly: jsonc-parser reads the same grammar and takes Number() of it, as this path does.
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/*
 * Nodes are object literals in the same field order as json.ts builds them, so rules see one shape per node kind
 * whichever path read the document. Any refusal returns undefined all the way up; nothing is thrown.
 */
class StrictJsonReader {
  private pos: number;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    // A leading BOM is skipped and offsets stay those of the text, as on the general path.
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  document(): Node | undefined {
    this.skipWhitespace();
    if (this.pos >= this.text.length) return undefined;
    const root = this.value(0);
    if (!root) return undefined;
    this.skipWhitespace();
    return this.pos === this.text.length ? root : undefined;
  }

  /** JSON's whitespace only: space, tab, line feed, carriage return (jsonc-parser's too). */
  private skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.pos = i;
  }

  /** The value at `pos`, inside `depth` open brackets. */
  private value(depth: number): Node | undefined {
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_BRACE) return this.object(depth + 1);
    if (c === OPEN_BRACKET) return this.array(depth + 1);
    if (c === QUOTE) {
      const start = this.pos;
      const value = this.string();
      return value === undefined ? undefined : ({ kind: 'scalar', value, style: 'double', start, end: this.pos, fullStart: start } satisfies ScalarNode);
    }
    if (c === 116 /* t */) return this.literal('true', true);
    if (c === 102 /* f */) return this.literal('false', false);
    if (c === 110 /* n */) return this.literal('null', null);
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number();
    return undefined;
  }

  private object(depth: number): MapNode | undefined {
    if (depth > this.maxDepth) return undefined;
    const text = this.text;
    const start = this.pos++;
    const pairs: Pair[] = [];
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACE) {
      this.pos++;
      return { kind: 'map', pairs, flow: true, merges: false, start, end: this.pos, fullStart: start };
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== QUOTE) return undefined; // a trailing comma, an unquoted key, ...
      const keyStart = this.pos;
      const name = this.string();
      if (name === undefined) return undefined;
      const key: ScalarNode = { kind: 'scalar', value: name, style: 'double', start: keyStart, end: this.pos, fullStart: keyStart };
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== COLON) return undefined;
      this.pos++;
      this.skipWhitespace();
      const value = this.value(depth);
      if (!value) return undefined;
      // Duplicate keys are kept, in order, as jsonc-parser keeps them.
      pairs.push({ key, value });
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === CLOSE_BRACE) {
        // JSON has no merge keys (`"<<"` is an ordinary key), and saying so spares every get() a scan for one.
        return { kind: 'map', pairs, flow: true, merges: false, start, end: this.pos, fullStart: start };
      }
      if (c !== COMMA) return undefined;
      this.skipWhitespace();
    }
  }

  private array(depth: number): SeqNode | undefined {
    if (depth > this.maxDepth) return undefined;
    const text = this.text;
    const start = this.pos++;
    const items: Node[] = [];
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      return { kind: 'seq', items, flow: true, start, end: this.pos, fullStart: start };
    }
    for (;;) {
      const item = this.value(depth);
      if (!item) return undefined;
      items.push(item);
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === CLOSE_BRACKET) return { kind: 'seq', items, flow: true, start, end: this.pos, fullStart: start };
      if (c !== COMMA) return undefined;
      this.skipWhitespace();
    }
  }

  /** The string opening at `pos` (a quote), decoded; `pos` ends after its closing quote. */
  private string(): string | undefined {
    const text = this.text;
    const open = this.pos;
    let escaped = false;
    let i = open + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i += 2; // whatever follows is checked by JSON.parse below
        continue;
      }
      // A control character (JSON wants it escaped), or the end of the text (NaN) inside the string.
      if (c < 32 || Number.isNaN(c)) return undefined;
      i++;
    }
    this.pos = i + 1;
    if (!escaped) return text.slice(open + 1, i);
    try {
      // JSON's own escapes, decoded by JSON's own reader; an invalid one throws and the general path reports it.
      return JSON.parse(text.slice(open, i + 1)) as string;
    } catch {
      return undefined;
    }
  }

  private literal(word: string, value: boolean | null): ScalarNode | undefined {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) return undefined;
    // `truex` is caught by the caller: after a value only whitespace, `,`, `]`, `}` or the end may follow.
    this.pos += word.length;
    return { kind: 'scalar', value, style: 'plain', start, end: this.pos, fullStart: start };
  }

  private number(): ScalarNode | undefined {
    const start = this.pos;
    NUMBER.lastIndex = start;
    if (!NUMBER.test(this.text)) return undefined;
    // `01`, `1.` and `1e` stop the match early and are refused by the caller, as above.
    this.pos = NUMBER.lastIndex;
    return { kind: 'scalar', value: Number(this.text.slice(start, this.pos)), style: 'plain', start, end: this.pos, fullStart: start };
  }
}
