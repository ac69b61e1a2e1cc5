/**
 * YAML text → located tree, using js-yaml's `listener` events (js-yaml 4.x; 5.x dropped the option).
 * Measured on a 30k-line compose file: js-yaml with a listener ~60 ms, the `yaml` package's CST parser ~550 ms
 * and its parseDocument ~740 ms. So we let js-yaml do the parsing and typing of scalars, and rebuild the
 * structure from its open/close events, reading the few things it does not report (where content starts,
 * anchors and tags as written, quoting style) straight from the text.
 */
import jsyaml from 'js-yaml';
import { parseYamlFast } from './yaml-fast';
import { irregularWhitespaceError, yamlIrregularIndentation } from './irregular-whitespace';
import { Ch, isFlowIndicator } from './yaml-chars';
import { toScalarValue, YAML_SCHEMA } from './yaml-schema';
import type { ParseError } from './parse-error';
import { isMergeKey, type AliasNode, type MapNode, type Node, type Pair, type ScalarNode, type SeqNode } from './tree';

export interface ParsedYaml {
  root: Node | undefined;
  errors: ParseError[];
}

/** A block sequence indicator with nothing after it on its line (but blanks or a comment). */
const EMPTY_ENTRY = /-[ \t]*(?:#[^\r\n]*)?(?:\r|\n|$)/;

/** Deeper nesting than this is reported, not parsed: no real compose file comes close, and it bounds the stack. */
export const YAML_MAX_DEPTH = 200;

interface Frame {
  open: number;
  children: Node[];
}

function isSpace(ch: number): boolean {
  return ch === Ch.Space || ch === Ch.Tab || ch === Ch.LF || ch === Ch.CR;
}

/**
 * `offset`: where `text` starts in a larger document (documents/incremental.ts re-parses one entry of a file on
 * its own): every span is shifted by it, so the nodes fit into that document's tree.
 */
export function parseYaml(text: string, offset = 0): ParsedYaml {
  // Most compose files are in the subset the fast path reads (documents/yaml-fast.ts); the rest come here.
  const root = parseYamlFast(text, offset);
  const parsed = root ? { root, errors: [] } : parseYamlGeneral(text, offset);
  // Lines indented with no-break spaces parse (as keys at column 0) or fail somewhere else: say what it is.
  const irregular = yamlIrregularIndentation(text);
  if (!irregular) return parsed;
  const runs = irregular.runs.map((r) => ({ start: r.start + offset, end: r.end + offset }));
  return { ...parsed, errors: [irregularWhitespaceError(text, { runs }, 'yaml', offset), ...parsed.errors] };
}

/** js-yaml's parse, with the located tree rebuilt from its events: any YAML, and its errors. */
export function parseYamlGeneral(text: string, offset = 0): ParsedYaml {
  // js-yaml strips one leading BOM and reports offsets in what is left: `input` is that text, and `base` adds the
  // BOM back. js-yaml gets the text as given, so a second BOM stays content for it, as it would in a plain load.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const base = bom + offset;
  const input = bom ? text.slice(1) : text;
  const stack: Frame[] = [{ open: 0, children: [] }];
  const anchors = new Map<string, Node>();

  /** Skips white space and comments from `pos`; returns the first content offset (<= limit). */
  const skipBlank = (pos: number, limit: number): number => {
    let i = pos;
    while (i < limit) {
      const ch = input.charCodeAt(i);
      if (isSpace(ch)) i++;
      else if (ch === Ch.Hash) {
        while (i < limit && input.charCodeAt(i) !== Ch.LF && input.charCodeAt(i) !== Ch.CR) i++;
      } else break;
    }
    return i;
  };

  const trimEnd = (start: number, end: number): number => {
    let e = end;
    while (e > start && isSpace(input.charCodeAt(e - 1))) e--;
    return e;
  };

  // What readProperties found, handed back through these variables: one object per node would be garbage.
  let propAnchor: string | undefined;
  let propTag: string | undefined;
  let propEnd = 0;

  /**
   * Reads `&anchor` and `!tag` properties at `pos` into propAnchor/propTag and propEnd (where the last property
   * ends, `pos` when there is none); returns where the content proper starts.
   */
  const readProperties = (pos: number, limit: number): number => {
    let i = pos;
    propEnd = pos;
    propAnchor = undefined;
    propTag = undefined;
    for (;;) {
      const ch = input.charCodeAt(i);
      if (i < limit && (ch === Ch.Amp || ch === Ch.Bang)) {
        const start = i;
        i++;
        while (i < limit && !isSpace(input.charCodeAt(i)) && !(ch === Ch.Amp && isFlowIndicator(input.charCodeAt(i)))) i++;
        if (ch === Ch.Amp) propAnchor = input.slice(start + 1, i);
        else propTag = input.slice(start, i);
        propEnd = i;
        i = skipBlank(i, limit);
      } else break;
    }
    return i;
  };

  const listener = (event: string, state: jsyaml.State): void => {
    if (event === 'open') {
      stack.push({ open: state.position, children: [] });
      return;
    }
    const frame = stack.pop()!;
    // js-yaml appends a line break to input that lacks one, and reports positions in that longer text.
    const close: number = Math.min(state.position, input.length);
    const fullStart = skipBlank(frame.open, close);
    const start = readProperties(fullStart, close);
    const anchor = propAnchor;
    const tag = propTag;
    const propertiesEnd = propEnd;
    const first = input.charCodeAt(start);
    let node: Node;
    const kind: string | null = state.kind;

    if (kind === 'mapping' || kind === 'sequence') {
      let children = frame.children;
      // Pairs of an adopted mapping are kept as they were paired: re-pairing its flattened keys and values would
      // turn the empty value made up for a flow key without one (`{a: , b}`) into a key of its own.
      let adoptedPairs: Pair[] | undefined;
      // js-yaml tries a compact block mapping at each sequence entry and leaves a "phantom" node for the entry
      // content when that fails: one child spanning the whole content. Adopt the child's children instead.
      if (children.length === 1 && children[0].kind !== 'scalar' && children[0].kind !== 'alias' && children[0].fullStart === start + base) {
        const only = children[0] as MapNode | SeqNode;
        if ((only.kind === 'map') === (kind === 'mapping')) {
          if (only.anchor || only.tag) children = [only];
          else if (only.kind === 'map') adoptedPairs = only.pairs;
          else children = only.items;
        }
      }
      const flow = first === Ch.LBracket || first === Ch.LBrace;
      if (kind === 'sequence') {
        const items = flow ? flowPairs(children) : withEmptyEntries(start, close, children);
        const lastEnd = items.length ? items[items.length - 1].end - base : start;
        const end = flow ? trimEnd(start, close) : Math.max(lastEnd, start);
        node = { kind: 'seq', items, flow, start: start + base, end: end + base, fullStart: fullStart + base } satisfies SeqNode;
      } else {
        const pairs = adoptedPairs ?? pairUp(children);
        const merges = adoptedPairs ? (children[0] as MapNode).merges : pairUpSawMerge;
        const lastEnd = pairs.length ? Math.max(pairs[pairs.length - 1].value.end, pairs[pairs.length - 1].key.end) - base : start;
        const end = flow ? trimEnd(start, close) : Math.max(lastEnd, start);
        node = { kind: 'map', pairs, flow, merges, start: start + base, end: end + base, fullStart: fullStart + base } satisfies MapNode;
      }
    } else if (first === Ch.Star && kind !== 'scalar') {
      let e = start + 1;
      while (e < close && !isSpace(input.charCodeAt(e)) && !isFlowIndicator(input.charCodeAt(e))) e++;
      const name = input.slice(start + 1, e);
      node = { kind: 'alias', name, target: anchors.get(name), start: start + base, end: e + base, fullStart: fullStart + base } satisfies AliasNode;
    } else {
      const empty = kind === null || start >= close;
      const result: unknown = state.result;
      const plain = !empty && first !== Ch.DQuote && first !== Ch.SQuote && first !== Ch.Pipe && first !== Ch.Gt;
      let end: number;
      // Most plain scalars are exactly their value's text (one line, no folding): then the value says where they
      // end, without a scan.
      if (plain && typeof result === 'string' && result.length > 0 && input.startsWith(result, start)) end = start + result.length;
      // Otherwise scan; a plain scalar ends before a trailing comment on its line, which js-yaml may have consumed.
      else end = plain ? plainScalarEnd(start, trimEnd(start, close)) : trimEnd(start, close);
      const style: ScalarNode['style'] = empty
        ? 'empty'
        : first === Ch.DQuote
          ? 'double'
          : first === Ch.SQuote
            ? 'single'
            : first === Ch.Pipe || first === Ch.Gt
              ? 'block'
              : 'plain';
      // An empty value sits right after its properties (`key: !reset`), or else right after the indicator
      // before it (`key:`, where js-yaml opens the node): on the key's line, not on the next line.
      const hasProperties = anchor !== undefined || tag !== undefined;
      const at = hasProperties ? propertiesEnd : Math.min(frame.open, close);
      node = {
        kind: 'scalar',
        value: toScalarValue(result),
        style,
        start: (empty ? at : start) + base,
        end: (empty ? at : end) + base,
        fullStart: (empty && !hasProperties ? at : fullStart) + base,
      } satisfies ScalarNode;
    }
    if (anchor !== undefined) {
      node.anchor = anchor;
      anchors.set(anchor, node);
    }
    if (tag !== undefined) node.tag = tag;
    stack[stack.length - 1].children.push(node);
  };

  /**
   * js-yaml reads a block sequence entry with no content (`- ` alone on its line) as null without any listener
   * event, so the entry would be missing from the tree and every later index off by one. The entries of a block
   * sequence are the `-` indicators at its own column; each one no child starts after gets an empty scalar.
   */
  const withEmptyEntries = (start: number, close: number, children: Node[]): Node[] => {
    // Fast path: no `-` followed by nothing but blanks or a comment on its line, so no entry can be empty.
    if (!EMPTY_ENTRY.test(input.slice(start, close))) return children;
    let lineStart = start;
    while (lineStart > 0 && input.charCodeAt(lineStart - 1) !== Ch.LF && input.charCodeAt(lineStart - 1) !== Ch.CR) lineStart--;
    const column = start - lineStart;
    const dashes: number[] = [];
    for (let line = lineStart; line < close; ) {
      const dash = line + column;
      // The first entry may follow another indicator on its line (`- - a`); later ones start their line.
      const atLineStart = dash === start || /^[ \t]*$/.test(input.slice(line, dash));
      if (dash < close && input.charCodeAt(dash) === 45 /* - */ && (dash + 1 >= input.length || isSpace(input.charCodeAt(dash + 1))) && atLineStart) {
        dashes.push(dash);
      }
      let next = line;
      while (next < close && input.charCodeAt(next) !== Ch.LF && input.charCodeAt(next) !== Ch.CR) next++;
      if (input.charCodeAt(next) === Ch.CR && input.charCodeAt(next + 1) === Ch.LF) next++;
      line = next + 1;
    }
    // A `-` inside an entry's own text (a continuation line of a multi-line scalar) is not an indicator.
    let k = 0;
    const indicators = dashes.filter((d) => {
      while (k < children.length && children[k].end - base <= d) k++;
      return !(k < children.length && children[k].fullStart - base <= d);
    });
    if (indicators.length <= children.length) return children;
    const result: Node[] = [];
    let c = 0;
    for (let d = 0; d < indicators.length; d++) {
      const limit = d + 1 < indicators.length ? indicators[d + 1] : Infinity;
      if (c < children.length && children[c].fullStart - base > indicators[d] && children[c].fullStart - base < limit) {
        result.push(children[c++]);
      } else {
        const at = indicators[d] + 1 + base;
        result.push({ kind: 'scalar', value: null, style: 'empty', start: at, end: at, fullStart: at });
      }
    }
    // Anything not matched (never for valid YAML) is kept rather than lost.
    return c < children.length ? [...result, ...children.slice(c)] : result;
  };

  /**
   * A flow sequence entry `k: v` is a mapping with one pair, which js-yaml builds without open/close events: its
   * key and value arrive as two items. Two items with a `:` (and no `,`) between them are such a pair.
   */
  const flowPairs = (children: Node[]): Node[] => {
    const result: Node[] = [];
    for (let i = 0; i < children.length; i++) {
      const key = children[i];
      const next = children[i + 1];
      if (next && !input.slice(key.end - base, next.fullStart - base).includes(',') && colonBetween(key.end - base, next.fullStart - base)) {
        const start = key.fullStart;
        result.push({ kind: 'map', pairs: [{ key: toKey(key), value: next }], flow: true, start, end: next.end, fullStart: start } satisfies MapNode);
        i++;
      } else result.push(key);
    }
    return result;
  };

  /** Ends a plain scalar before ` #comment`, which belongs to the line, not the value. */
  const plainScalarEnd = (start: number, end: number): number => {
    for (let i = start + 1; i < end; i++) {
      if (input.charCodeAt(i) === Ch.Hash && isSpace(input.charCodeAt(i - 1))) return trimEnd(start, i);
    }
    return end;
  };

  /**
   * Mapping children arrive as a flat list: key, value, key, value... except that a flow-mapping key written
   * without a value (`{a, b: c}`) has no value event. A child is the value of the key before it exactly when a
   * `:` stands between them.
   */
  /** Whether the last pairUp() met a plain `<<` key (recorded on the mapping, so effectivePairs need not scan). */
  let pairUpSawMerge = false;

  const pairUp = (children: Node[]): Pair[] => {
    const result: Pair[] = [];
    pairUpSawMerge = false;
    for (let i = 0; i < children.length; i++) {
      const key = toKey(children[i]);
      if (isMergeKey(key)) pairUpSawMerge = true;
      const next = children[i + 1];
      if (next && colonBetween(children[i].end - base, next.fullStart - base)) {
        result.push({ key, value: next });
        i++;
      } else {
        const at = children[i].end;
        result.push({ key, value: { kind: 'scalar', value: null, style: 'empty', start: at, end: at, fullStart: at } });
      }
    }
    return result;
  };

  const colonBetween = (from: number, to: number): boolean => {
    let i = from;
    while (i < to) {
      const ch = input.charCodeAt(i);
      if (ch === Ch.Colon) return true;
      if (ch === Ch.Hash) {
        while (i < to && input.charCodeAt(i) !== Ch.LF && input.charCodeAt(i) !== Ch.CR) i++;
      } else i++;
    }
    // An empty value node starts right after its `:` (its full span is empty), so look one back too.
    return from === to && input.charCodeAt(from - 1) === Ch.Colon;
  };

  try {
    jsyaml.load(text, { schema: YAML_SCHEMA, listener, maxDepth: YAML_MAX_DEPTH } as jsyaml.LoadOptions);
  } catch (error) {
    return { root: undefined, errors: [toParseError(error, base, input)] };
  }
  const top = stack[0].children;
  return { root: top[top.length - 1], errors: [] };
}

function toKey(node: Node): ScalarNode {
  if (node.kind === 'scalar') return node;
  // Complex keys (a mapping or sequence used as a key) never name anything compose reads: keep their place.
  return { kind: 'scalar', value: `[${node.kind} key]`, style: 'plain', start: node.start, end: node.end, fullStart: node.fullStart };
}

function toParseError(error: unknown, base: number, input: string): ParseError {
  const e = error as { reason?: string; message?: string; mark?: { position?: number } };
  const reason = e.reason ?? e.message ?? String(error);
  // js-yaml gives no position for a second document: point at its `---` rather than at the top of the file.
  const position = Math.min(e.mark?.position ?? (/single document/.test(reason) ? secondDocumentOffset(input) : 0), input.length);
  const message = /maxDepth/.test(reason)
    ? `YAML nested deeper than ${YAML_MAX_DEPTH} levels: winnet stops reading here (no compose or HNS document nests this deep)`
    : `YAML syntax error: ${reason}`;
  return { message, offset: position + base };
}

/** Offset of the `---` that starts a second document (after content of the first), or 0. */
function secondDocumentOffset(input: string): number {
  let last = 0;
  let content = false;
  for (const m of input.matchAll(/^---(?=[ \t\r\n]|$)/gm)) {
    content ||= input
      .slice(last, m.index)
      .split(/\r\n|\r|\n/)
      .some((line) => !/^\s*(#.*)?$/.test(line) && !/^(%|\.\.\.)/.test(line));
    if (content) return m.index!;
    last = m.index! + 3;
  }
  return 0;
}
