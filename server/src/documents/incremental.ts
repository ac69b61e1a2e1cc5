/**
 * Re-parsing only what an edit touched. A keystroke inside one service (or network, volume, ...) of a large
 * compose file changes that entry alone, so the entry's lines are parsed on their own, at their place in the
 * file, and put into the previous tree; the rest of the tree is kept, its spans moved by the length change.
 *
 * Only edits that provably cannot change anything outside the entry are taken; for anything else this returns
 * undefined and the caller parses the whole text, as before. Refused: edits across entries or outside the
 * sections' entries, keys at the top level, an entry whose old or new text holds an anchor, alias, tag, merge
 * key, tab or document marker, a document that had errors, flow-style parents, an entry that does not parse on
 * its own or parses to anything but one entry at the same column, a line less indented than the entry's key, and
 * a renamed key that equals another entry's key (which the full parse reports as a duplicate).
 * `incremental.test.ts` checks, for thousands of random edits, that the result equals a full parse.
 *
 * The previous document is consumed: nodes after the edit are moved in place, so only the returned document may
 * be used afterwards (the language service's cache holds one document per URI and replaces it).
 */
import type { ParsedDocument } from './document';
import { detectKind } from './kind';
import { LineIndex } from './text';
import type { MapNode, Node, Pair } from './tree';
import { parseYaml } from './yaml';

/** Top-level sections whose entries are re-parsed on their own. */
const SECTIONS = new Set(['services', 'networks', 'volumes', 'configs', 'secrets', 'models']);
/** Text that makes an entry depend on the rest of the file, or its parse on more than its own lines. */
const NOT_LOCAL = /[&*!\t]|<<|^(?:---|\.\.\.)/m;

export interface TextChange {
  /** Offsets in the old text: [start, oldEnd) was replaced by the new text's [start, newEnd). */
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The single changed range between two texts (common prefix and suffix). Compared in 4 KiB substrings first:
 * V8 compares those natively, many times faster than a charCodeAt loop over a 4 MB text.
 */
export function changedRange(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  const CHUNK = 4096;
  let start = 0;
  while (start + CHUNK <= max && before.substring(start, start + CHUNK) === after.substring(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = max - start;
  const bl = before.length;
  const al = after.length;
  let suffix = 0;
  while (suffix + CHUNK <= room && before.substring(bl - suffix - CHUNK, bl - suffix) === after.substring(al - suffix - CHUNK, al - suffix)) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(bl - 1 - suffix) === after.charCodeAt(al - 1 - suffix)) suffix++;
  return { start, oldEnd: bl - suffix, newEnd: al - suffix };
}

/**
 * A copy of `slice` that does not share the text it was cut from. V8 makes a substring a view into its parent
 * string, and so are the scalars parsed from it: the nodes of a re-parsed entry would keep that version of the
 * whole file alive for as long as they live, one more version of a 4 MB file per edited entry.
 */
function detached(slice: string): string {
  return ` ${slice}`.slice(1);
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Whether every line of `block` after the first that holds anything but a comment is indented past `column`. */
function indentedPast(block: string, column: number): boolean {
  for (const line of block.split(/\r\n|\r|\n/).slice(1)) {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 35 /* # */) continue;
    if (indent <= column) return false;
  }
  return true;
}

/** Adds `delta` to every span of `node` and below (an alias's target is moved where it is written). */
function shift(node: Node, delta: number): void {
  node.start += delta;
  node.end += delta;
  node.fullStart += delta;
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      shift(pair.key, delta);
      shift(pair.value, delta);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) shift(item, delta);
  }
}

export function reparseIncrementally(previous: ParsedDocument, text: string): ParsedDocument | undefined {
  if (previous.language !== 'yaml' || previous.errors.length || previous.root?.kind !== 'map' || previous.root.flow) return undefined;
  const before = previous.text;
  if (before === text || before.charCodeAt(0) === 0xfeff || text.charCodeAt(0) === 0xfeff) return undefined;
  const change = changedRange(before, text);
  const delta = change.newEnd - change.oldEnd;
  const root = previous.root;
  if (root.anchor || root.tag) return undefined;

  // The top-level section, and the entry in it, that hold the whole change.
  const sectionIndex = root.pairs.findIndex((p) => p.value.fullStart <= change.start && change.oldEnd <= p.value.end);
  const sectionPair = root.pairs[sectionIndex];
  if (sectionPair?.key.style !== 'plain' || !SECTIONS.has(String(sectionPair.key.value))) return undefined;
  const section = sectionPair.value;
  if (section.kind !== 'map' || section.flow || section.anchor || section.tag) return undefined;
  const entryIndex = section.pairs.findIndex((p) => p.key.start < change.start && change.oldEnd <= p.value.end);
  const entry = section.pairs[entryIndex];
  if (!entry || entry.key.anchor || entry.key.tag || entry.key.style !== 'plain') return undefined;

  // The entry's lines, from the start of its key's line to the end of its value, before and after the edit.
  const blockStart = lineStartOf(before, entry.key.start);
  const column = entry.key.start - blockStart;
  const oldBlock = before.slice(blockStart, entry.value.end);
  const newBlock = text.slice(blockStart, entry.value.end + delta);
  if (NOT_LOCAL.test(oldBlock) || NOT_LOCAL.test(newBlock)) return undefined;
  // The key's indentation is its context (less would make it a sibling of the section, more a child of the entry
  // before it), and a line at that indentation or less would end the entry: neither may change.
  if (!/^ *$/.test(text.slice(blockStart, blockStart + column)) || text.charCodeAt(entry.key.start) !== before.charCodeAt(entry.key.start)) return undefined;
  if (!indentedPast(newBlock, column)) return undefined;

  const parsed = parseYaml(detached(newBlock), blockStart);
  const block = parsed.root;
  if (parsed.errors.length || !block || block.kind !== 'map' || block.flow || block.pairs.length !== 1 || block.anchor || block.tag) return undefined;
  const fresh = block.pairs[0];
  if (fresh.key.start !== entry.key.start || fresh.key.style !== 'plain' || fresh.key.anchor || fresh.key.tag) return undefined;
  // A renamed key that another entry already has is a duplicate key, which only the full parse reports.
  const name = String(fresh.key.value);
  if (name !== String(entry.key.value) && section.pairs.some((p, i) => i !== entryIndex && String(p.key.value) === name)) return undefined;

  // Later entries and sections move by the length change; the section and the root get new pair lists.
  if (delta !== 0) {
    for (let i = entryIndex + 1; i < section.pairs.length; i++) {
      shift(section.pairs[i].key, delta);
      shift(section.pairs[i].value, delta);
    }
    for (let i = sectionIndex + 1; i < root.pairs.length; i++) {
      shift(root.pairs[i].key, delta);
      shift(root.pairs[i].value, delta);
    }
  }
  const sectionPairs: Pair[] = section.pairs.slice();
  sectionPairs[entryIndex] = fresh;
  const lastEntry = entryIndex === section.pairs.length - 1;
  const sectionEnd = lastEntry ? Math.max(fresh.value.end, fresh.key.end) : section.end + delta;
  const newSection: MapNode = { ...section, pairs: sectionPairs, end: sectionEnd };
  const rootPairs: Pair[] = root.pairs.slice();
  rootPairs[sectionIndex] = { key: sectionPair.key, value: newSection };
  const rootEnd = sectionIndex === root.pairs.length - 1 ? Math.max(sectionEnd, sectionPair.key.end) : root.end + delta;
  const newRoot: MapNode = { ...root, pairs: rootPairs, end: rootEnd };
  return {
    path: previous.path,
    text,
    lines: LineIndex.afterEdit(previous.lines, text, change),
    language: 'yaml',
    root: newRoot,
    errors: [],
    kind: detectKind(previous.path, 'yaml', newRoot),
  };
}
