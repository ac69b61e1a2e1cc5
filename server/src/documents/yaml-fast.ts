/**
 * A fast path for the YAML most compose files are written in: block mappings and sequences indented with
 * spaces, one-line plain and quoted scalars, one-line flow collections of those, and comments. It builds the
 * located tree directly, in one pass over the text, where the general path (documents/yaml.ts) lets js-yaml build
 * its own result and rebuilds the tree from js-yaml's events: on a large compose file that is most of the time
 * and garbage of a first open (bench/RESULTS.md).
 *
 * It gives up (returns undefined) at the first thing outside that subset, and the general path parses the text
 * instead: anchors, aliases, tags, merge keys, block scalars, multi-line scalars and flow collections, quoted keys,
 * escapes, tabs, document markers and directives, duplicate keys, and anything js-yaml would report as an error.
 * So it never has to reproduce an error message, and what it accepts it must read exactly as the general path
 * does: yaml-fast.test.ts holds it to that, node for node and span for span, on generated and real files.
 */
import type jsyaml from 'js-yaml';
import { isMergeKey, type MapNode, type Node, type Pair, type ScalarNode, type ScalarValue, type SeqNode } from './tree';
import { Ch, isFlowIndicator } from './yaml-chars';
import { toScalarValue, YAML_SCHEMA } from './yaml-schema';

/**
 * What `text.charCodeAt(i) | 0` gives past the end (NaN | 0): a NUL, which no accepted text holds (NON_PRINTABLE
 * refuses it), so it can stand for the end without a bounds check on every character read.
 */
const END = 0;

/** Thrown (one shared value) to leave the fast path; caught once per parse. */
const GIVE_UP = Symbol('not in the fast subset');

/** js-yaml's test for characters a YAML stream may not contain (its loader refuses such a text). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this finds
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** Nesting deeper than this is left to the general path (which reports its own limit). */
const MAX_DEPTH = 64;

/** YAML allows an implicit key of at most 1024 characters. */
const MAX_KEY = 1024;

// The implicit types a plain scalar is tried against, in js-yaml's order (null, bool, int, float, and merge).
const IMPLICIT = (YAML_SCHEMA as unknown as { compiledImplicit: jsyaml.Type[] }).compiledImplicit;

/**
 * A plain scalar's value as js-yaml types it. Most values start with a letter that no null, boolean or number
 * can start with, and are strings without trying the types.
 */
function plainValue(text: string): ScalarValue {
  const c = text.charCodeAt(0) | 0x20; // lower case for letters
  const maybeTyped =
    text.length === 0 ||
    (c >= 0x30 && c <= 0x39) /* digit (| 0x20 keeps them) */ ||
    c === 0x2b /* + */ ||
    c === 0x2d /* - */ ||
    c === 0x2e /* . */ ||
    c === 0x7e /* ~ */ ||
    c === 0x3c /* < of << */ ||
    c === 0x6e /* n */ ||
    c === 0x74 /* t */ ||
    c === 0x66 /* f */;
  if (!maybeTyped) return text;
  for (const type of IMPLICIT) {
    if (type.resolve(text)) return toScalarValue(type.construct(text));
  }
  return text;
}

/** Characters that may not start a plain scalar (or that start something this path leaves alone). */
function refusedStart(c: number): boolean {
  return (
    c === Ch.Amp ||
    c === Ch.Star ||
    c === Ch.Bang ||
    c === Ch.Pipe ||
    c === Ch.Gt ||
    c === Ch.Percent ||
    c === Ch.At ||
    c === Ch.Backtick ||
    c === Ch.Comma ||
    c === Ch.RBracket ||
    c === Ch.RBrace ||
    c === Ch.Hash ||
    c === Ch.LBracket ||
    c === Ch.LBrace ||
    c === Ch.DQuote ||
    c === Ch.SQuote ||
    c === Ch.Question ||
    c === Ch.Colon ||
    c === Ch.Dash ||
    c === END
  );
}

/**
 * The located tree of `text` (a whole YAML document), with every offset shifted by `base`; undefined when the
 * text is outside the fast subset (the caller then parses it the general way).
 */
export function parseYamlFast(text: string, base = 0): Node | undefined {
  const n = text.length;
  if (n === 0 || text.includes('\t') || NON_PRINTABLE.test(text)) return undefined;
  // A byte order mark (Windows editors write one) is not content: the first line starts after it, and offsets
  // still count it, as the general path's do.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // js-yaml strips a second one as well (the general path strips the first itself), so two are left to it.
  if (bom && text.charCodeAt(1) === 0xfeff) return undefined;

  /** Indentation of the line found by the last nextContent(). */
  let lineIndent = 0;
  /** Where the line after the last node read starts (every reader leaves it there). */
  let pos = 0;

  const blankOrEnd = (i: number): boolean => i >= n || text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.LF || text.charCodeAt(i) === Ch.CR;
  /**
   * Whether a plain scalar may not start at `i`: an indicator, except a `-` followed by a character a plain scalar
   * may hold (`-1`, `-foo`).
   */
  const refusedAt = (i: number, flow: boolean): boolean => {
    const c = text.charCodeAt(i) | 0;
    if (c === Ch.Dash) return blankOrEnd(i + 1) || (flow && isFlowIndicator(text.charCodeAt(i + 1) | 0));
    return refusedStart(c);
  };
  const giveUp = (): never => {
    throw GIVE_UP;
  };

  /** From `i` (after a value), blanks and a comment to the end of the line; returns where the next line starts. */
  const endOfLine = (i: number): number => {
    while ((text.charCodeAt(i) | 0) === Ch.Space) i++;
    if ((text.charCodeAt(i) | 0) === Ch.Hash) {
      if (text.charCodeAt(i - 1) !== Ch.Space) giveUp();
      while (i < n && text.charCodeAt(i) !== Ch.LF && text.charCodeAt(i) !== Ch.CR) i++;
    }
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (c === Ch.LF) return i + 1;
    if (c === Ch.CR && (text.charCodeAt(i + 1) | 0) === Ch.LF) return i + 2;
    return giveUp();
  };

  /**
   * From the start of a line, past blank and comment-only lines: where the next content starts (n at the end),
   * with its indentation in lineIndent. Document markers and directives end the fast path.
   */
  const nextContent = (i: number): number => {
    for (;;) {
      let j = i;
      while ((text.charCodeAt(j) | 0) === Ch.Space) j++;
      if (j >= n) return n;
      const c = text.charCodeAt(j);
      if (c === Ch.Hash || c === Ch.LF || c === Ch.CR) {
        if (c === Ch.Hash) while (j < n && text.charCodeAt(j) !== Ch.LF && text.charCodeAt(j) !== Ch.CR) j++;
        if (j >= n) return n;
        if (text.charCodeAt(j) === Ch.CR && (text.charCodeAt(j + 1) | 0) !== Ch.LF) giveUp();
        i = j + (text.charCodeAt(j) === Ch.CR ? 2 : 1);
        continue;
      }
      lineIndent = j - i;
      // js-yaml reads `---` at the start of a document as the marker even with no blank after it (`---:a`), so any
      // line that starts so is left to it.
      if (lineIndent === 0 && (c === Ch.Percent || ((c === Ch.Dash || c === Ch.Dot) && text.startsWith(c === Ch.Dash ? '---' : '...', j)))) giveUp();
      return j;
    }
  };

  /**
   * One string per distinct block key: a compose file repeats the same few dozen keys in every service, so the
   * copies die young instead of being kept (and copied by the garbage collector) once per key, and every lookup of
   * a key hashes one string instead of thousands.
   */
  const keyNames = new Map<string, string>();
  const keyName = (raw: string): string => {
    const known = keyNames.get(raw);
    if (known !== undefined) return known;
    keyNames.set(raw, raw);
    return raw;
  };

  const scalar = (value: ScalarValue, style: ScalarNode['style'], start: number, end: number): ScalarNode => ({
    kind: 'scalar',
    value,
    style,
    start: start + base,
    end: end + base,
    fullStart: start + base,
  });

  /** A one-line quoted scalar at `i`; `quotedEnd` is left after its closing quote. */
  let quotedEnd = 0;
  const quoted = (i: number): ScalarNode => {
    const quote = text.charCodeAt(i);
    let j = i + 1;
    let value = '';
    let from = j;
    for (;;) {
      if (j >= n) giveUp();
      const c = text.charCodeAt(j);
      if (c === Ch.LF || c === Ch.CR) giveUp();
      if (quote === Ch.DQuote && c === Ch.Backslash) giveUp();
      if (c === quote) {
        if (quote === Ch.SQuote && (text.charCodeAt(j + 1) | 0) === Ch.SQuote) {
          value += text.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        break;
      }
      j++;
    }
    value += text.slice(from, j);
    quotedEnd = j + 1;
    return scalar(value, quote === Ch.DQuote ? 'double' : 'single', i, j + 1);
  };

  /**
   * Ends the fast path when `key` is already among `pairs`: a duplicate is an error js-yaml reports. Short mappings
   * are scanned; a long one (a services section with thousands of entries) gets a set of names, returned to be
   * passed back with the next key.
   */
  const checkUniqueIn = (pairs: Pair[], names: Set<string> | undefined, key: ScalarNode): Set<string> | undefined => {
    if (!names && pairs.length < 16) {
      const name = String(key.value);
      for (let k = 0; k < pairs.length; k++) if (String(pairs[k].key.value) === name) giveUp();
      return undefined;
    }
    if (!names) names = new Set(pairs.map((p) => String(p.key.value)));
    const name = String(key.value);
    if (names.has(name)) giveUp();
    names.add(name);
    return names;
  };

  // ---- flow collections, on one line ----

  /** A plain scalar inside a flow collection, at `i`; `flowEnd` is left after it. */
  let flowEnd = 0;
  const flowPlain = (i: number): ScalarNode => {
    if (refusedAt(i, true)) giveUp();
    let j = i;
    for (;;) {
      const c = text.charCodeAt(j) | 0;
      if (c === END || c === Ch.LF || c === Ch.CR || c === Ch.Comma || c === Ch.RBracket || c === Ch.RBrace) break;
      if (c === Ch.LBracket || c === Ch.LBrace) giveUp();
      // `C:\\data` is one scalar; a `:` before a blank or an indicator makes a key (`[a: b]`), which goes the general way.
      if (c === Ch.Colon && (blankOrEnd(j + 1) || isFlowIndicator(text.charCodeAt(j + 1) | 0))) giveUp();
      if (c === Ch.Hash && text.charCodeAt(j - 1) === Ch.Space) giveUp();
      j++;
    }
    let end = j;
    while (text.charCodeAt(end - 1) === Ch.Space) end--;
    flowEnd = j;
    return scalar(plainValue(text.slice(i, end)), 'plain', i, end);
  };

  const skipSpaces = (i: number): number => {
    while ((text.charCodeAt(i) | 0) === Ch.Space) i++;
    return i;
  };

  /** A flow item or value: a quoted or plain scalar, or a nested flow collection; `flowEnd` is left after it. */
  const flowNode = (i: number, depth: number): Node => {
    const c = text.charCodeAt(i) | 0;
    if (c === Ch.DQuote || c === Ch.SQuote) {
      const node = quoted(i);
      flowEnd = quotedEnd;
      return node;
    }
    if (c === Ch.LBracket || c === Ch.LBrace) return flowCollection(i, depth + 1);
    return flowPlain(i);
  };

  const flowCollection = (i: number, depth: number): Node => {
    if (depth > MAX_DEPTH) giveUp();
    const open = text.charCodeAt(i);
    const close = open === Ch.LBracket ? Ch.RBracket : Ch.RBrace;
    let j = skipSpaces(i + 1);
    const items: Node[] = [];
    const pairs: Pair[] = [];
    let names: Set<string> | undefined;
    if ((text.charCodeAt(j) | 0) !== close) {
      for (;;) {
        if (open === Ch.LBracket) {
          items.push(flowNode(j, depth));
        } else {
          // `key: value`, the key plain, then `: ` (a flow mapping's key without a value goes the general way)
          const keyStart = j;
          if (refusedAt(j, true)) giveUp();
          while (j < n && text.charCodeAt(j) !== Ch.Colon) {
            const c = text.charCodeAt(j);
            if (c === Ch.LF || c === Ch.CR || c === Ch.Comma || c === Ch.RBrace || c === Ch.RBracket || c === Ch.LBracket || c === Ch.LBrace) giveUp();
            if (c === Ch.Hash && text.charCodeAt(j - 1) === Ch.Space) giveUp();
            j++;
          }
          if ((text.charCodeAt(j + 1) | 0) !== Ch.Space || text.charCodeAt(j - 1) === Ch.Space || j - keyStart > MAX_KEY) giveUp();
          const key = scalar(plainValue(text.slice(keyStart, j)), 'plain', keyStart, j);
          if (isMergeKey(key)) giveUp();
          names = checkUniqueIn(pairs, names, key);
          const valueAt = skipSpaces(j + 1);
          const c = text.charCodeAt(valueAt) | 0;
          if (c === Ch.Comma || c === Ch.RBrace || c === Ch.Hash) giveUp(); // an empty value
          pairs.push({ key, value: flowNode(valueAt, depth) });
        }
        j = skipSpaces(flowEnd);
        const c = text.charCodeAt(j) | 0;
        if (c === close) break;
        if (c !== Ch.Comma) giveUp();
        j = skipSpaces(j + 1);
        if ((text.charCodeAt(j) | 0) === close || (text.charCodeAt(j) | 0) === Ch.Comma) giveUp(); // a trailing or doubled comma
      }
    }
    flowEnd = j + 1;
    return open === Ch.LBracket
      ? ({ kind: 'seq', items, flow: true, start: i + base, end: j + 1 + base, fullStart: i + base } satisfies SeqNode)
      : ({ kind: 'map', pairs, flow: true, merges: false, start: i + base, end: j + 1 + base, fullStart: i + base } satisfies MapNode);
  };

  // ---- block context ----

  /**
   * The value on the rest of a line at `i` (after `key: ` or `- `), in a block at `column`: a quoted or plain
   * scalar, a flow collection, or (`compact`, in a sequence entry) a mapping whose first key starts here.
   */
  const inlineValue = (i: number, column: number, depth: number, compact: boolean): Node => {
    const c = text.charCodeAt(i);
    let node: Node;
    if (c === Ch.DQuote || c === Ch.SQuote) {
      node = quoted(i);
      pos = endOfLine(quotedEnd);
    } else if (c === Ch.LBracket || c === Ch.LBrace) {
      node = flowCollection(i, depth);
      pos = endOfLine(flowEnd);
    } else {
      if (refusedAt(i, false)) giveUp();
      let j = i;
      for (;;) {
        const d = text.charCodeAt(j) | 0;
        if (d === END || d === Ch.LF || d === Ch.CR) break;
        if (d === Ch.Hash && text.charCodeAt(j - 1) === Ch.Space) break;
        if (d === Ch.Colon && blankOrEnd(j + 1)) {
          // `key: ...` inside a sequence entry is a mapping at this column; after a key it is an error.
          if (!compact) giveUp();
          return blockMapping(i, i - lineStartOf(i), depth + 1);
        }
        j++;
      }
      let end = j;
      while (text.charCodeAt(end - 1) === Ch.Space) end--;
      node = scalar(plainValue(text.slice(i, end)), 'plain', i, end);
      pos = endOfLine(j);
    }
    // A more indented line after a one-line value would continue a plain scalar (or be an error).
    const next = nextContent(pos);
    if (next < n && lineIndent > column) giveUp();
    return node;
  };

  const lineStartOf = (i: number): number => {
    let j = i;
    while (j > bom && text.charCodeAt(j - 1) !== Ch.LF && text.charCodeAt(j - 1) !== Ch.CR) j--;
    return j;
  };

  /** A block node whose first line's content is at `i`, in column `column`. */
  const blockNode = (i: number, column: number, depth: number): Node => {
    if (depth > MAX_DEPTH) giveUp();
    if (text.charCodeAt(i) === Ch.Dash && blankOrEnd(i + 1)) return blockSequence(i, column, depth);
    return blockMapping(i, column, depth);
  };

  const blockMapping = (first: number, column: number, depth: number): MapNode => {
    const pairs: Pair[] = [];
    let names: Set<string> | undefined;
    let i = first;
    for (;;) {
      // The key: plain, on this line, up to a `:` followed by a blank.
      if (refusedAt(i, false)) giveUp();
      let j = i;
      for (;;) {
        const c = text.charCodeAt(j) | 0;
        if (c === END || c === Ch.LF || c === Ch.CR) giveUp(); // no `:`, so not a key (a multi-line scalar?)
        if (c === Ch.Colon && blankOrEnd(j + 1)) break;
        if (c === Ch.Hash && text.charCodeAt(j - 1) === Ch.Space) giveUp();
        j++;
      }
      if (text.charCodeAt(j - 1) === Ch.Space || j - i > MAX_KEY) giveUp();
      const key = scalar(plainValue(keyName(text.slice(i, j))), 'plain', i, j);
      if (isMergeKey(key)) giveUp();
      names = checkUniqueIn(pairs, names, key);
      const colon = j;

      let value: Node;
      const valueAt = skipSpaces(colon + 1);
      const c = text.charCodeAt(valueAt) | 0;
      if (c === END || c === Ch.LF || c === Ch.CR || c === Ch.Hash) {
        // Nothing more on the line: a nested block below, or an empty value (which sits right after the `:`).
        const lineEnd = endOfLine(valueAt);
        const next = nextContent(lineEnd);
        if (next < n && (lineIndent > column || (lineIndent === column && text.charCodeAt(next) === Ch.Dash && blankOrEnd(next + 1)))) {
          value = blockNode(next, lineIndent, depth + 1);
        } else {
          value = scalar(null, 'empty', colon + 1, colon + 1);
          pos = lineEnd;
        }
      } else {
        value = inlineValue(valueAt, column, depth + 1, false);
      }
      pairs.push({ key, value });

      const next = nextContent(pos);
      if (next >= n || lineIndent < column) break;
      if (lineIndent > column || (text.charCodeAt(next) === Ch.Dash && blankOrEnd(next + 1))) giveUp();
      i = next;
    }
    const last = pairs[pairs.length - 1];
    const end = Math.max(last.value.end, last.key.end);
    return { kind: 'map', pairs, flow: false, merges: false, start: first + base, end, fullStart: first + base };
  };

  const blockSequence = (first: number, column: number, depth: number): SeqNode => {
    const items: Node[] = [];
    let dash = first;
    for (;;) {
      const contentAt = skipSpaces(dash + 1);
      const c = text.charCodeAt(contentAt) | 0;
      let item: Node;
      let empty = false;
      if (c === END || c === Ch.LF || c === Ch.CR || c === Ch.Hash) {
        // `-` alone: a nested block below, or an empty entry (right after the `-`).
        const lineEnd = endOfLine(contentAt);
        const next = nextContent(lineEnd);
        if (next < n && lineIndent > column) {
          item = blockNode(next, lineIndent, depth + 1);
        } else {
          item = scalar(null, 'empty', dash + 1, dash + 1);
          pos = lineEnd;
          empty = true;
        }
      } else if (c === Ch.Dash && blankOrEnd(contentAt + 1)) {
        return giveUp(); // `- - a`: a sequence in an entry's first line
      } else {
        item = inlineValue(contentAt, column, depth + 1, true);
      }
      items.push(item);

      const next = nextContent(pos);
      // After an empty entry, js-yaml takes a `- ` entry indented less than this sequence as one more entry of it
      // (`-\n  -\n- c` is [[null, c]], not [[null], c]): the general path reads that as js-yaml does.
      if (empty && next < n && lineIndent < column && text.charCodeAt(next) === Ch.Dash && blankOrEnd(next + 1)) giveUp();
      if (next >= n || lineIndent < column) break;
      if (lineIndent > column) giveUp();
      // Same column, no `-`: the sequence was a mapping's value at the mapping's own indentation, and ends here.
      if (!(text.charCodeAt(next) === Ch.Dash && blankOrEnd(next + 1))) break;
      dash = next;
    }
    const end = Math.max(items[items.length - 1].end, first + base);
    return { kind: 'seq', items, flow: false, start: first + base, end, fullStart: first + base };
  };

  try {
    const first = nextContent(bom);
    if (first >= n) return undefined;
    const root = blockNode(first, lineIndent, 0);
    // Anything left (a line less indented than the root, say) is for the general path to judge.
    if (nextContent(pos) < n) return undefined;
    return root;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
