/**
 * Inlay hints after the `${...}` expressions of a compose file: ` = value`, what compose substitutes, for every
 * expression whose value winnet knows (from the project's env files, the environment when it is read, or the
 * default written in the file), in `services` and `networks`, where the values that decide a container's network
 * are. The rule is that simple on purpose: a hint that comes and goes with the key it is under would puzzle more
 * than it helps. An expression inside another (`${B}` in `${A:-${B}}`) gets none: the outer one's hint says it all.
 */
import type { Resolution } from '../compose/resolve';
import type { ParsedDocument } from '../documents/document';
import type { Span } from '../documents/text';
import { pairs } from '../documents/tree';
import { describeUse } from './variable-hover';
import { type PlacedUse, placedUses } from './variable-uses';

export interface InlayHint {
  /** Where the hint goes: just after the expression. */
  offset: number;
  label: string;
  /** Markdown: the same text as the hover on the expression. */
  tooltip: string;
}

/** Values are cut to this many characters: a hint is a glance, the hover has the rest. */
const MAX_LABEL = 40;

/** The top-level sections whose values get hints. */
const SECTIONS = new Set(['services', 'networks']);

/**
 * Names that usually hold a secret. Their value is not painted into the editor, where anyone looking at the screen
 * (a shared screen, a recording) would read it; the hover, which the user asks for, still shows it.
 */
const SECRET = /password|passwd|secret|token|credential|api_?key|private_?key|(^|_)(pass|pwd)(_|$)/i;

export function variableInlayHints(doc: ParsedDocument, resolution: Resolution, range: Span): InlayHint[] {
  const sections = pairs(doc.root)
    .filter((p) => typeof p.key.value === 'string' && SECTIONS.has(p.key.value))
    .map((p) => p.value);
  const inSection = (use: PlacedUse) => sections.some((node) => use.substitution.node.start >= node.start && use.substitution.node.end <= node.end);
  return placedUses(doc, resolution)
    .filter((use) => !use.nested && use.known && use.span.end >= range.start && use.span.end <= range.end && inSection(use))
    .map((use) => ({ offset: use.span.end, label: `= ${label(use)}`, tooltip: describeUse(use, resolution.env) }));
}

function label(use: PlacedUse): string {
  const value = use.value ?? '';
  if (value === '') return '""';
  if (SECRET.test(use.name) && use.binding) return '••••••';
  const flat = value.replace(/\r?\n|\r/g, '⏎');
  return flat.length > MAX_LABEL ? `${flat.slice(0, MAX_LABEL - 1)}…` : flat;
}
