/**
 * The properties every input must keep, whatever it is: checking never throws, no rule throws, a document of
 * ours that does not parse gets a `syntax` finding, and every offset and LSP position the engine hands out
 * (findings, related locations, fix edits, hovers, completions, code actions, the located tree itself) lies
 * inside the document. Shared by the fixed-seed fuzz sample in `npm test`, the adversarial tests and
 * `scripts/fuzz.ts`; each check returns the list of violations (empty: fine) instead of asserting, so the fuzz
 * script can report and count them.
 */
import { parseDocument, type ParsedDocument } from '../../../server/src/documents/document';
import { jsonFastPathDisagreement, yamlFastPathDisagreement } from '../../../server/src/testing/fast-path-spec';
import { reparseIncrementally } from '../../../server/src/documents/incremental';
import { treePicture } from '../../../server/src/testing/tree-picture';
import type { Language } from '../../../server/src/documents/kind';
import type { LineIndex, Position, Range, Span } from '../../../server/src/documents/text';
import { effectivePairs, type Node } from '../../../server/src/documents/tree';
import { checkDocument, type CheckOptions, type CheckResult } from '../../../server/src/engine/check';
import { createLanguageService } from '../../../server/src/service/language-service';

export interface Checked {
  doc: ParsedDocument;
  results: CheckResult[];
  violations: string[];
}

/** The target settings each input is checked under: the file's own decision, and both forced targets. */
export const TARGETS: readonly CheckOptions['target'][] = ['auto', 'windows', 'linux'];

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);
}

/** A position is inside when its line exists and its character is within that line's content (LSP clamps larger ones). */
export function positionInside(lines: LineIndex, text: string, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
  if (p.line >= lines.lineCount) return false;
  return lines.lineStart(p.line) + p.character <= text.length && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line);
}

/** Why a range is not a clean range of the document, or undefined when it is. */
export function rangeProblem(lines: LineIndex, text: string, range: Range, span: Span): string | undefined {
  for (const p of [range.start, range.end]) {
    if (!positionInside(lines, text, p)) {
      const offset = lines.lineStart(p.line) + p.character;
      const splitsCrlf = p.line < lines.lineCount && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
      return splitsCrlf
        ? `range-splits-crlf: position ${p.line}:${p.character} lies between the \\r and \\n of a line break`
        : `range-outside: position ${p.line}:${p.character} outside the document`;
    }
  }
  if (!rangeMatches(lines, range, span)) return 'range-mismatch: range does not match span';
  for (const offset of [span.start, span.end]) {
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `range-splits-surrogate: offset ${offset} splits a surrogate pair`;
  }
  return undefined;
}

export function spanInside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function rangeMatches(lines: LineIndex, range: Range, span: Span): boolean {
  const expected = lines.rangeOf(span);
  return samePosition(range.start, expected.start) && samePosition(range.end, expected.end);
}

/** Every node of the located tree lies inside the text, children inside their parent, keys before values. */
export function treeViolations(root: Node | undefined, length: number): string[] {
  const out: string[] = [];
  if (!root) return out;
  const seen = new Set<Node>();
  const stack: { node: Node; parent?: Node }[] = [{ node: root }];
  while (stack.length && out.length < 5) {
    const { node, parent } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (!spanInside(node, length) || !spanInside({ start: node.fullStart, end: node.end }, length))
      out.push(`tree: ${node.kind} node span ${node.start}-${node.end} (full from ${node.fullStart}) outside 0-${length}`);
    if (node.fullStart > node.start) out.push(`tree: ${node.kind} node full span starts after its content (${node.fullStart} > ${node.start})`);
    if (parent && node.kind !== 'alias' && (node.start < parent.fullStart || node.end > parent.end) && parent.kind !== 'alias') {
      out.push(`tree: ${node.kind} node ${node.start}-${node.end} outside its parent ${parent.kind} ${parent.fullStart}-${parent.end}`);
    }
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key.end > pair.value.end && pair.value.end !== pair.value.start)
          out.push(`tree: key ${pair.key.start}-${pair.key.end} ends after its value ${pair.value.start}-${pair.value.end}`);
        stack.push({ node: pair.key, parent: node }, { node: pair.value, parent: node });
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push({ node: item, parent: node });
    }
  }
  return out;
}

/** Parses and checks `text` under each target, and validates everything the engine returned. */
export function checkInvariants(
  path: string,
  text: string,
  options: { language?: Language; targets?: readonly CheckOptions['target'][]; rules?: CheckOptions['rules'] } = {},
): Checked {
  const violations: string[] = [];
  let doc: ParsedDocument;
  try {
    doc = parseDocument(path, text, options.language);
  } catch (error) {
    return { doc: undefined as unknown as ParsedDocument, results: [], violations: [`parseDocument threw: ${describe(error)}`] };
  }
  const length = text.length;
  if (doc.text !== text) violations.push('parsed document text differs from the input');
  for (const e of doc.errors) {
    if (!Number.isInteger(e.offset) || e.offset < 0 || e.offset > length) violations.push(`parse error offset ${e.offset} outside 0-${length}: ${e.message}`);
    if (typeof e.message !== 'string' || !e.message) violations.push('parse error without a message');
  }
  violations.push(...treeViolations(doc.root, length));
  violations.push(...(doc.language === 'yaml' ? fastPathViolations(text) : fastJsonPathViolations(text)));

  const results: CheckResult[] = [];
  for (const target of options.targets ?? TARGETS) {
    let result: CheckResult;
    try {
      result = checkDocument(doc, { target, rules: options.rules });
    } catch (error) {
      violations.push(`checkDocument (target ${target}) threw: ${describe(error)}`);
      continue;
    }
    results.push(result);
    for (const { rule, error } of result.ruleErrors) violations.push(`rule ${rule} threw (target ${target}): ${describe(error)}`);
    if (doc.kind !== 'none' && doc.errors.length && !text.includes('winnet-disable') && !result.findings.some((f) => f.rule === 'syntax'))
      violations.push(`${doc.errors.length} parse error(s) but no syntax finding`);
    for (const f of result.findings) {
      const where = `${f.rule} (target ${target})`;
      if (!f.message || typeof f.message !== 'string') violations.push(`${where}: empty message`);
      if (!spanInside(f.span, length)) violations.push(`${where}: span ${f.span.start}-${f.span.end} outside 0-${length}`);
      const problem = spanInside(f.span, length) ? rangeProblem(doc.lines, text, f.range, f.span) : undefined;
      if (problem) violations.push(`${where}: ${problem}`);
      for (const r of f.related) {
        if (r.path) continue;
        if (!spanInside(r.span, length)) violations.push(`${where}: related span ${r.span.start}-${r.span.end} outside 0-${length}`);
        const related = r.range && spanInside(r.span, length) ? rangeProblem(doc.lines, text, r.range, r.span) : undefined;
        if (related) violations.push(`${where}: related ${related}`);
      }
      for (const fix of f.fixes) {
        const spans = fix.edits.map((e) => e.span).sort((a, b) => a.start - b.start);
        for (const e of fix.edits) {
          if (!spanInside(e.span, length)) violations.push(`${where}: fix '${fix.title}' edit ${e.span.start}-${e.span.end} outside 0-${length}`);
          if (typeof e.newText !== 'string') violations.push(`${where}: fix '${fix.title}' edit without text`);
        }
        for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) violations.push(`${where}: fix '${fix.title}' has overlapping edits`);
      }
    }
  }
  return { doc, results, violations };
}

/**
 * The editor features over the same text: hover, completion and code actions at a few offsets (start, end,
 * the given ones), through the language service the server uses. Every returned span must lie in the text.
 */
export function serviceInvariants(uri: string, text: string, offsets: readonly number[], language?: Language): string[] {
  const violations: string[] = [];
  const errors: string[] = [];
  const service = createLanguageService({ onRuleError: (rule, error) => errors.push(`rule ${rule} threw in the service: ${describe(error)}`) });
  const input = { uri, version: 1, text, language };
  const length = text.length;
  const at = [0, length, ...offsets.filter((o) => o >= 0 && o <= length)];
  try {
    service.diagnose(input);
    for (const offset of at) {
      const hover = service.hover(input, offset);
      if (hover && !spanInside(hover.span, length)) violations.push(`hover at ${offset}: span ${hover.span.start}-${hover.span.end} outside 0-${length}`);
      for (const item of service.complete(input, offset)) {
        if (!spanInside(item.replace, length)) violations.push(`completion '${item.label}' at ${offset}: replace span outside the document`);
      }
      for (const action of service.codeActions(input, { start: offset, end: offset })) {
        for (const e of action.edits) if (!spanInside(e.span, length)) violations.push(`code action '${action.title}' at ${offset}: edit outside the document`);
      }
      service.definition(input, offset);
    }
    const all = service.fixAll(input);
    for (const e of all?.edits ?? []) if (!spanInside(e.span, length)) violations.push(`fix all: edit ${e.span.start}-${e.span.end} outside the document`);
  } catch (error) {
    violations.push(`language service threw: ${describe(error)}`);
  }
  return [...violations, ...errors];
}

/**
 * The located tree read back as plain data (aliases followed, merge keys applied), to compare with what js-yaml
 * itself builds from the same text: a differential check of the event-driven tree builder. Bounded: an alias is
 * expanded at most `budget` nodes in all, so an alias bomb cannot blow this up either.
 */
export function treeToValue(root: Node | undefined, budget = 100_000): unknown {
  let left = budget;
  const cache = new Map<Node, unknown>();
  const convert = (node: Node | undefined, depth: number): unknown => {
    if (!node || --left < 0 || depth > 500) throw new RangeError('treeToValue budget exceeded');
    const n = node.kind === 'alias' ? node.target : node;
    if (!n || n.kind === 'alias') return undefined;
    if (cache.has(n)) return cache.get(n);
    let out: unknown;
    if (n.kind === 'scalar') out = n.value;
    else if (n.kind === 'seq') out = n.items.map((i) => convert(i, depth + 1));
    else {
      const o: Record<string, unknown> = {};
      for (const p of effectivePairs(n))
        Object.defineProperty(o, String(p.key.value), { value: convert(p.value, depth + 1), enumerable: true, writable: true, configurable: true });
      out = o;
    }
    cache.set(n, out);
    return out;
  };
  return convert(root, 0);
}

/**
 * An edit from `before` to `after` re-parsed incrementally, when the re-parse takes it, must give what a full
 * parse of `after` gives: the same tree, errors, kind and findings.
 */
export function incrementalInvariants(path: string, before: string, after: string, target: CheckOptions['target'] = 'windows'): string[] {
  try {
    const previous = parseDocument(path, before);
    const next = reparseIncrementally(previous, after);
    if (!next) return [];
    const full = parseDocument(path, after);
    const violations: string[] = [];
    if (JSON.stringify(treePicture(next.root)) !== JSON.stringify(treePicture(full.root)))
      violations.push('incremental re-parse: the tree differs from a full parse');
    if (JSON.stringify(next.errors) !== JSON.stringify(full.errors) || next.kind !== full.kind)
      violations.push('incremental re-parse: errors or kind differ from a full parse');
    const findings = (doc: ParsedDocument) => JSON.stringify(checkDocument(doc, { target }).findings.map((f) => [f.rule, f.span, f.message]));
    if (findings(next) !== findings(full)) violations.push('incremental re-parse: the findings differ from a full parse');
    return violations;
  } catch (error) {
    return [`incremental re-parse threw: ${describe(error)}`];
  }
}

/**
 * What the fast YAML path (documents/yaml-fast.ts) accepts it must read as the general path does: the same tree,
 * and never a tree where the general path reports an error (documents/fast-path-spec.ts).
 */
export function fastPathViolations(text: string): string[] {
  return disagreementViolations('fast YAML path', () => yamlFastPathDisagreement(text));
}

/** The same for the fast JSON path (documents/json-fast.ts) against jsonc-parser's. */
export function fastJsonPathViolations(text: string): string[] {
  return disagreementViolations('fast JSON path', () => jsonFastPathDisagreement(text));
}

function disagreementViolations(path: string, disagreement: () => string | undefined): string[] {
  try {
    const problem = disagreement();
    return problem ? [`${path}: ${problem}`] : [];
  } catch (error) {
    return [`${path} threw: ${describe(error)}`];
  }
}
