/**
 * JSON (and JSON with comments) → the same located tree as YAML, through `jsonc-parser`. jsonc-parser is
 * recursive, so nesting is measured first with a flat scan and anything deeper than the limit is reported
 * instead of parsed: a 100,000-deep array must cost a finding, not the server's stack.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './tree';
import type { ParseError } from './yaml';

export const JSON_MAX_DEPTH = 200;

export interface ParsedJson {
  root: Node | undefined;
  errors: ParseError[];
}

export function parseJson(text: string): ParsedJson {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const deep = firstOffsetDeeperThan(text, JSON_MAX_DEPTH);
  if (deep !== -1) {
    return {
      root: undefined,
      errors: [{ message: `JSON nested deeper than ${JSON_MAX_DEPTH} levels: winnet stops reading here (no HNS document nests this deep)`, offset: deep }],
    };
  }
  const rawErrors: JsonParseError[] = [];
  const input = base ? ' ' + text.slice(1) : text; // keep offsets: the BOM becomes a space jsonc-parser skips
  const tree = parseTree(input, rawErrors, { allowTrailingComma: true, disallowComments: false });
  const errors = rawErrors.map((e) => ({ message: `JSON syntax error: ${describe(printParseErrorCode(e.error))}`, offset: e.offset }));
  return { root: tree ? convert(tree) : undefined, errors };
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
    if (ch === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i++;
        else if (c === 34) break;
      }
    } else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (ch === 93 || ch === 125) {
      depth--;
    }
  }
  return -1;
}

function span(n: JsonNode) {
  const s = { start: n.offset, end: n.offset + n.length };
  return { ...s, full: { ...s } };
}

function convert(n: JsonNode): Node {
  switch (n.type) {
    case 'object': {
      const pairs: Pair[] = [];
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key: ScalarNode = { kind: 'scalar', value: String(k.value), style: 'double', ...span(k) };
        const value: Node = v ? convert(v) : { kind: 'scalar', value: null, style: 'empty', start: k.offset + k.length, end: k.offset + k.length, full: { start: k.offset + k.length, end: k.offset + k.length } };
        pairs.push({ key, value });
      }
      return { kind: 'map', pairs, flow: true, ...span(n) } satisfies MapNode;
    }
    case 'array':
      return { kind: 'seq', items: (n.children ?? []).map(convert), flow: true, ...span(n) } satisfies SeqNode;
    case 'string':
      return { kind: 'scalar', value: n.value as string, style: 'double', ...span(n) };
    default:
      return { kind: 'scalar', value: (n.value ?? null) as ScalarNode['value'], style: 'plain', ...span(n) };
  }
}
