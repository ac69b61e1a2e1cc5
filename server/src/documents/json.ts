/**
 * JSON (and JSON with comments) → the same located tree as YAML. Strict JSON takes the fast path (json-fast.ts);
 * the rest goes through `jsonc-parser`. jsonc-parser is recursive, so nesting is measured first with a flat scan
 * and anything deeper than the limit is reported instead of parsed: a 100,000-deep array must cost a finding, not
 * the server's stack (the fast path refuses past the same limit).
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import { parseJsonFast } from './json-fast';
import { skipBlockComment, skipLineComment, skipString } from './json-scan';
import { irregularWhitespaceError, jsonIrregularWhitespace } from './irregular-whitespace';
import { fillSpans } from './text';
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './tree';
import type { ParseError } from './parse-error';

export const JSON_MAX_DEPTH = 200;

export interface ParsedJson {
  root: Node | undefined;
  errors: ParseError[];
  /**
   * Past the nesting limit there is no root (nothing is checked), but the tree read down to the limit (the
   * too-deep parts empty) is kept here, so the document's kind is still known and the limit gets reported.
   */
  shallow?: Node;
}

export function parseJson(text: string): ParsedJson {
  // HNS, HCN and CNI documents are strict JSON, which the fast path reads (documents/json-fast.ts); JSON with
  // comments, trailing commas, errors or deep nesting comes here.
  const root = parseJsonFast(text, JSON_MAX_DEPTH);
  return root ? { root, errors: [] } : parseJsonGeneral(text);
}

/** jsonc-parser's parse, converted to the located tree: any JSON or JSONC, and its errors. */
export function parseJsonGeneral(text: string): ParsedJson {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Past the limit, each too-deep array or object is read as an empty one (its inside blanked, offsets kept), so
  // there is a shallow tree to tell the document's kind by.
  const { text: shallow, deep } = emptyTooDeep(text, JSON_MAX_DEPTH);
  const rawErrors: JsonParseError[] = [];
  // Irregular spaces (a pasted U+00A0) are one finding with a fix, not an "invalid symbol" per line: jsonc-parser
  // reads them as spaces (one for one, offsets kept), so the rest of the document is still parsed and checked.
  const irregular = jsonIrregularWhitespace(text);
  let input = base ? ` ${shallow.slice(1)}` : shallow; // keep offsets: the BOM becomes a space jsonc-parser skips
  if (irregular) input = fillSpans(input, irregular.runs, ' ');
  const tree = parseTree(input, rawErrors, { allowTrailingComma: true, disallowComments: false });
  const errors: ParseError[] = rawErrors.map((e) => ({ message: `JSON syntax error: ${describe(printParseErrorCode(e.error))}`, offset: e.offset }));
  if (irregular) errors.unshift(irregularWhitespaceError(text, irregular, 'json'));
  if (deep !== -1) {
    return {
      root: undefined,
      errors: [{ message: `JSON nested deeper than ${JSON_MAX_DEPTH} levels: winnet stops reading here (no HNS document nests this deep)`, offset: deep }],
      shallow: tree ? convert(tree, text.length) : undefined,
    };
  }
  return { root: tree ? convert(tree, text.length) : undefined, errors: errors.map((e) => ({ ...e, offset: Math.min(e.offset, text.length) })) };
}

/**
 * The text with the inside of every array or object that opens level `limit + 1` blanked (brackets kept, so it
 * reads as an empty one; every offset unchanged), and the offset of the first such bracket (-1 if none).
 */
function emptyTooDeep(text: string, limit: number): { text: string; deep: number } {
  const first = firstOffsetDeeperThan(text, limit);
  if (first === -1) return { text, deep: -1 };
  const out: string[] = [];
  let copied = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) i = skipString(text, i);
    else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) i = skipLineComment(text, i);
    else if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) i = skipBlockComment(text, i);
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limit) {
        // Find the bracket that closes this one; blank everything between them.
        let inner = 1;
        let j = i + 1;
        for (; j < text.length && inner > 0; j++) {
          const c = text.charCodeAt(j);
          if (c === 34) j = skipString(text, j);
          else if (c === 47 && text.charCodeAt(j + 1) === 47) j = skipLineComment(text, j);
          else if (c === 47 && text.charCodeAt(j + 1) === 42) j = skipBlockComment(text, j);
          else if (c === 91 || c === 123) inner++;
          else if (c === 93 || c === 125) inner--;
        }
        const close = inner === 0 ? j - 1 : text.length;
        out.push(text.slice(copied, i + 1), ' '.repeat(close - i - 1));
        copied = close;
        i = close;
        depth--;
        if (inner === 0) continue;
      }
    } else if (ch === 93 || ch === 125) {
      depth--;
    }
  }
  out.push(text.slice(copied));
  return { text: out.join(''), deep: first };
}

function describe(code: string): string {
  // 'CloseBraceExpected' → 'close brace expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Offset of the first bracket that opens level `limit + 1`, skipping strings and comments; -1 if none. */
function firstOffsetDeeperThan(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) i = skipString(text, i);
    else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) i = skipLineComment(text, i);
    else if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) i = skipBlockComment(text, i);
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (ch === 93 || ch === 125) {
      depth--;
    }
  }
  return -1;
}

/*
 * Nodes are built field by field: spreading a span into each literal takes V8's slow path, and a 2 MB HNS dump
 * has a few hundred thousand nodes. jsonc-parser gives the nodes around an unterminated `/*` at the end one
 * character past the text, so ends are clamped.
 */
function convert(n: JsonNode, length: number): Node {
  const start = Math.min(n.offset, length);
  const end = Math.min(n.offset + n.length, length);
  switch (n.type) {
    case 'object': {
      const pairs: Pair[] = [];
      const props = n.children ?? [];
      for (let i = 0; i < props.length; i++) {
        const k = props[i].children?.[0];
        const v = props[i].children?.[1];
        if (!k) continue;
        const keyStart = Math.min(k.offset, length);
        const at = Math.min(k.offset + k.length, length);
        const key: ScalarNode = { kind: 'scalar', value: String(k.value), style: 'double', start: keyStart, end: at, fullStart: keyStart };
        const value: Node = v ? convert(v, length) : { kind: 'scalar', value: null, style: 'empty', start: at, end: at, fullStart: at };
        pairs.push({ key, value });
      }
      // JSON has no merge keys (`"<<"` is an ordinary key), and saying so spares every get() a scan for one.
      return { kind: 'map', pairs, flow: true, merges: false, start, end, fullStart: start } satisfies MapNode;
    }
    case 'array': {
      const items: Node[] = [];
      const children = n.children ?? [];
      for (let i = 0; i < children.length; i++) items.push(convert(children[i], length));
      return { kind: 'seq', items, flow: true, start, end, fullStart: start } satisfies SeqNode;
    }
    case 'string':
      return { kind: 'scalar', value: n.value as string, style: 'double', start, end, fullStart: start };
    default:
      return { kind: 'scalar', value: (n.value ?? null) as ScalarNode['value'], style: 'plain', start, end, fullStart: start };
  }
}
