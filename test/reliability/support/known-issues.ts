/**
 * Bugs the fuzzing found that are recorded as `todo` regression tests (test/reliability/regressions.test.ts)
 * until their fixes land in server/src. The fixed-seed fuzz sample and the fix-safety tests set violations of
 * these exact kinds aside, so they stay green while every other violation fails them; scripts/fuzz.ts counts
 * them separately. When a fix lands, delete its entry here: the sample then guards against its return.
 */
import type { ParsedDocument } from '../../../server/src/documents/document';
import type { Node } from '../../../server/src/documents/tree';
import type { Finding, Fix } from '../../../server/src/engine/check';

export interface KnownIssue {
  id: string;
  todo: string;
}

export const YAML_EOF_SPAN: KnownIssue = {
  id: 'yaml-eof-span',
  todo: 'needs fix in server/src/documents/yaml.ts: clamp state.position to the input length (js-yaml appends a line break), so nodes at the end of a file without a final newline end inside the text',
};
export const SYNTAX_SPAN_SPLITS: KnownIssue = {
  id: 'syntax-span-splits',
  todo: 'needs fix in server/src/engine/check.ts: a syntax finding at a CRLF or a surrogate pair covers half of it (offset + 1)',
};
export const FIX_DELETES_ANCHOR: KnownIssue = {
  id: 'fix-deletes-anchor',
  todo: 'needs fix in server/src/engine/check.ts: a fix that deletes or rewrites an anchor (&name) breaks every alias to it; such fixes must not be offered',
};
export const PORT_HOST_IP_EDIT: KnownIssue = {
  id: 'port-host-ip-edit',
  todo: 'needs fix in server/src/rules/compose/port-host-ip.ts: the fix takes the `[` of a flow sequence before the port for IPv6 brackets and deletes it, and leaves ":PORT" for "IP::PORT"',
};
export const RENAME_TO_EXISTING_KEY: KnownIssue = {
  id: 'rename-to-existing-key',
  todo: 'needs fix in server/src/rules/compose/windowsshim-unknown-option.ts: the rename fix is offered when the suggested option is already set, which makes a duplicate key',
};
export const EXTERNAL_NAME_FIX: KnownIssue = {
  id: 'external-name-fix',
  todo: 'needs fix in server/src/rules/compose/external-name-deprecated.ts: the fix writes "\\n" into CRLF files, and a line break without a comma inside a flow mapping',
};

export const CLI_DUPLICATE_SYNTAX: KnownIssue = {
  id: 'cli-duplicate-syntax',
  todo: 'needs fix in server/src/compose/loader.ts: the virtual document of a one-file set keeps the file\'s parse errors ({ ...first.doc, root }), so check-set.ts reports every syntax finding twice in the CLI; give it errors: []',
};

const endsWithLineBreak = (text: string) => /[\r\n]$/.test(text);

/** The known issue an invariant violation belongs to, if any. */
export function knownViolation(violation: string, text: string): KnownIssue | undefined {
  if (/^tree: .* outside 0-\d+/.test(violation) && !endsWithLineBreak(text)) return YAML_EOF_SPAN;
  if (/span \d+-(\d+) outside 0-(\d+)/.test(violation) && !endsWithLineBreak(text)) {
    const [, end, length] = /span \d+-(\d+) outside 0-(\d+)/.exec(violation)!;
    if (Number(end) === Number(length) + 1) return YAML_EOF_SPAN;
  }
  if (/^syntax \(target \w+\): range-splits-(crlf|surrogate)/.test(violation)) return SYNTAX_SPAN_SPLITS;
  return undefined;
}

function anchorDeclarations(root: Node | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const seen = new Set<Node>();
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.anchor !== undefined) out.push({ start: n.full.start, end: Math.max(n.full.start, n.start) });
    if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
    else if (n.kind === 'seq') stack.push(...n.items);
  }
  return out;
}

/** True when an unclosed `{` or `[` precedes `offset` (roughly: quotes and comments are not skipped). */
function insideFlow(text: string, offset: number): boolean {
  let depth = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

/** The known issue an unsafe fix belongs to, if any (judged from the fix and the document, not the symptom). */
export function knownFixIssue(doc: ParsedDocument, finding: Finding, fix: Fix): KnownIssue | undefined {
  const anchors = anchorDeclarations(doc.root);
  if (fix.edits.some((e) => anchors.some((a) => e.span.start <= a.start && a.start < Math.max(e.span.end, e.span.start + 1)))) return FIX_DELETES_ANCHOR;
  if (finding.rule === 'port-host-ip' && fix.edits.some((e) => e.newText === '' && (doc.text[e.span.end] === ':' || (doc.text[e.span.start] === '[' && doc.text[finding.span.end] !== ']')))) return PORT_HOST_IP_EDIT;
  if (finding.rule === 'windowsshim-unknown-option') {
    const target = fix.edits[0]?.newText.replace(/^["']|["']$/g, '');
    if (target && new RegExp(`(^|[\\s{,])["']?${target.replace(/\./g, '\\.')}["']?\\s*:`, 'm').test(doc.text)) return RENAME_TO_EXISTING_KEY;
  }
  if (finding.rule === 'external-name-deprecated' && (doc.text.includes('\r\n') || fix.edits.some((e) => insideFlow(doc.text, e.span.start)))) return EXTERNAL_NAME_FIX;
  return undefined;
}
