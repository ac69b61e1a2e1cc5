/**
 * What is under the cursor while typing: `yamlContext` reads indentation from the raw lines, for completion,
 * where the text is usually half-typed and does not parse. (On text that parses, documents/node-path.ts walks the
 * located tree instead.)
 */

export interface YamlContext {
  /** Mapping keys enclosing the cursor's line, outermost first (sequence items are skipped). */
  parents: string[];
  /** The key written on the cursor's line before a `:`, when the cursor is in its value. */
  key?: string;
  /** True when the cursor is where a key is typed (start of a mapping entry). */
  inKey: boolean;
  /** Text typed so far for the word under the cursor. */
  prefix: string;
  /** Offset where the typed word starts (the completion replaces from here to the cursor). */
  prefixStart: number;
}

const KEY_LINE = /^(\s*)(?:-\s+)?(["']?)([^\s:#"'][^:#]*?)\2\s*:(?:\s|$)/;

export function yamlContext(text: string, offset: number): YamlContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const indent = /^\s*(?:-\s+)?/.exec(before)![0].length;
  const parents = enclosingKeys(text, lineStart, indent);
  const valueMatch = /^(\s*)(?:-\s+)?(["']?)([^\s:#"'][^:#]*?)\2\s*:\s*(["']?)([^"'#]*)$/.exec(before);
  if (valueMatch) {
    const prefix = valueMatch[5];
    return { parents, key: valueMatch[3].trim(), inKey: false, prefix, prefixStart: offset - prefix.length };
  }
  const keyMatch = /^(\s*)(?:-\s+)?(["']?)([^\s:#"']*)$/.exec(before);
  if (keyMatch) {
    const prefix = keyMatch[3];
    return { parents, inKey: true, prefix, prefixStart: offset - prefix.length };
  }
  // A list item value (`- bridge`) or anything else: no key, not a key position.
  const word = /[^\s"'\-[\],]*$/.exec(before)![0];
  return { parents, inKey: false, prefix: word, prefixStart: offset - word.length };
}

function isIndentChar(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 13 || ch === 11 || ch === 12;
}

/**
 * Starts of the lines indented by less than two columns (top-level keys, mostly), for the last text asked
 * about: the climb from a service up to `services:` would otherwise pass every line of every service above.
 */
let shallowLines: { text: string; starts: number[] } | undefined;

function shallowLineStarts(text: string): number[] {
  if (shallowLines?.text === text) return shallowLines.starts;
  const starts: number[] = [];
  for (let start = 0; start <= text.length; ) {
    if (!isIndentChar(text.charCodeAt(start)) || !isIndentChar(text.charCodeAt(start + 1))) starts.push(start);
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  shallowLines = { text, starts };
  return starts;
}

/** The end of the nearest line above `end` indented by less than two columns (its start - 1, or -1 when none). */
function nearestShallowLineEnd(text: string, end: number): number {
  const starts = shallowLineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === -1) return 0;
  const lineEnd = text.indexOf('\n', starts[found]);
  return lineEnd === -1 || lineEnd > end ? end : lineEnd;
}

/** Keys of the lines above with smaller indentation, nearest last; stops at column 0. */
function enclosingKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  let limit = indent;
  let end = lineStart - 1;
  // Walk upwards line by line; each step is O(line length), and the walk stops at the top-level key.
  while (end > 0 && limit > 0) {
    // Below two columns only a line indented by less matters: jump to the nearest one.
    if (limit <= 2) end = nearestShallowLineEnd(text, end);
    if (end <= 0) break;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    // Most lines above the cursor are indented at least `limit` (the rest of the enclosing block): skip them
    // without slicing or matching, so completion deep in a 5000-service file stays cheap.
    if (end - start >= limit) {
      let k = 0;
      while (k < limit && isIndentChar(text.charCodeAt(start + k))) k++;
      if (k === limit) {
        end = start - 1;
        continue;
      }
    }
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const lineIndent = /^\s*/.exec(line)![0].length;
    const itemIndent = /^\s*(?:-\s+)?/.exec(line)![0].length;
    if (lineIndent >= limit) continue;
    const m = KEY_LINE.exec(line);
    // `- subnet: ...` above a line at the item's content column is a sibling key of the same item mapping, not
    // a parent: climb on to the list's key.
    const siblingInItem = itemIndent > lineIndent && itemIndent >= limit;
    if (m && !siblingInItem) {
      keys.unshift(m[3].trim());
      limit = lineIndent;
    } else if (itemIndent < limit || siblingInItem) {
      limit = lineIndent; // a sequence item: keep climbing
    }
  }
  return keys;
}
