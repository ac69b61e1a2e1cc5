/**
 * Checking a compose file set: the rules run once over the merged virtual document, then each finding goes to
 * the file whose text it points at, with its range, related locations and fixes in that file's coordinates, and
 * that file's suppression comments applied. Findings about an entity (a service or a network) that other files
 * of the set also define get those definitions as related information.
 */
import { loadComposeSet, memberAt, type ComposeSet, type FileReader, type SetMember } from '../compose/loader';
import { basename } from '../compose/paths';
import type { ParsedDocument } from '../documents/document';
import type { Span } from '../documents/text';
import { getPair, pairs, type Node } from '../documents/tree';
import { COMPOSE_REFERENCE_RULE_ID } from '../rules/registry';
import { nodePath } from '../documents/node-path';
import { checkDocument, type CheckOptions, type CheckResult, type Finding } from './check';
import { readSuppressions } from './suppress';

export interface SetResult {
  set: ComposeSet;
  /** One result per member file, by path (members with no findings included). */
  results: Map<string, CheckResult>;
}

export function checkComposeSet(paths: readonly string[], reader: FileReader, options: CheckOptions = {}, preParsed?: Map<string, ParsedDocument>): SetResult {
  const set = loadComposeSet(paths, reader, preParsed);
  const { members, virtual } = set;
  const results = new Map<string, CheckResult>();
  for (const m of members) results.set(m.path, { kind: m.doc.kind === 'none' ? 'compose' : m.doc.kind, findings: [], ruleErrors: [] });
  if (!members.length) return { set, results };

  // Syntax errors belong to each file; the virtual document has none of its own.
  for (const m of members) {
    // Parse errors are in the file's own offsets (only nodes are shifted); every member is compose by membership.
    const own = checkDocument({ ...m.doc, kind: 'compose', root: undefined }, { ...options, ruleSet: [] });
    results.get(m.path)!.findings.push(...own.findings);
  }
  const combined = checkDocument(virtual, { ...options, suppress: false, fileSet: { files: set.files, partners: set.partners } });
  for (const r of results.values()) {
    r.target = combined.target;
    r.host = combined.host;
  }
  results.get(members[0].path)!.ruleErrors.push(...combined.ruleErrors);

  const problems: Finding[] = set.problems.map((p) => ({
    rule: COMPOSE_REFERENCE_RULE_ID,
    severity:
      options.rules?.[COMPOSE_REFERENCE_RULE_ID] && options.rules[COMPOSE_REFERENCE_RULE_ID] !== 'off'
        ? (options.rules[COMPOSE_REFERENCE_RULE_ID] as Finding['severity'])
        : (p.severity ?? 'error'),
    message: p.message,
    span: p.span,
    range: virtual.lines.rangeOf(p.span),
    fixes: [],
    related: [],
    tags: [],
    docsUrl: options.docsBaseUrl ? `${options.docsBaseUrl}${COMPOSE_REFERENCE_RULE_ID}.md` : undefined,
  }));
  const wanted = options.rules?.[COMPOSE_REFERENCE_RULE_ID] === 'off' ? [] : problems;

  const suppressions = new Map(
    members.map((m) => [m.path, readSuppressions(m.doc.text, m.doc.lines, { language: m.doc.language, root: m.doc.root, base: m.base })]),
  );
  for (const finding of [...combined.findings, ...wanted]) {
    const member = memberAt(members, finding.span.start);
    if (!member) continue;
    const local = toLocal(finding, member, members);
    if (suppressions.get(member.path)!.isSuppressed(local.rule, local.range.start.line)) continue;
    if (members.length > 1) local.related.push(...alsoDefinedIn(finding.span, member, members));
    results.get(member.path)!.findings.push(local);
  }
  for (const r of results.values()) r.findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return { set, results };
}

function localSpan(span: Span, member: SetMember): Span {
  const end = Math.min(span.end - member.base, member.doc.text.length);
  const start = Math.min(Math.max(0, span.start - member.base), end);
  return { start, end };
}

function toLocal(finding: Finding, member: SetMember, members: readonly SetMember[]): Finding {
  const span = localSpan(finding.span, member);
  const inMember = (s: Span) => memberAt(members, s.start) === member && s.end - member.base <= member.doc.text.length;
  return {
    ...finding,
    span,
    range: member.doc.lines.rangeOf(span),
    related: finding.related.map((r) => {
      // Already in another file's coordinates (the .env line a substituted value came from).
      if (r.path) return r;
      const owner = memberAt(members, r.span.start) ?? member;
      const s = localSpan(r.span, owner);
      return { ...r, span: s, range: owner.doc.lines.rangeOf(s), ...(owner === member ? {} : { path: owner.path }) };
    }),
    // A fix whose edits reach into another file is not offered: an edit belongs to one document.
    fixes: finding.fixes
      .filter((f) => f.edits.every((e) => inMember(e.span)))
      .map((f) => ({
        ...f,
        edits: f.edits.map((e) => {
          const s = localSpan(e.span, member);
          return { ...e, span: s, range: member.doc.lines.rangeOf(s) };
        }),
      })),
  };
}

/** "network `app` is also defined in docker-compose.yml": the same service or network in the other files. */
function alsoDefinedIn(span: Span, member: SetMember, members: readonly SetMember[]): Finding['related'] {
  const steps = nodePath(member.doc.root, span.start).steps;
  const [section, name] = steps.map((s) => s.key);
  if ((section !== 'services' && section !== 'networks') || typeof name !== 'string') return [];
  const noun = section === 'services' ? 'service' : 'network';
  const out: Finding['related'] = [];
  for (const other of members) {
    if (other === member) continue;
    const pair = getPair(pairs(other.doc.root).find((p) => p.key.value === section)?.value as Node | undefined, name);
    if (!pair) continue;
    const s = localSpan({ start: pair.key.start, end: pair.key.end }, other);
    out.push({ span: s, range: other.doc.lines.rangeOf(s), path: other.path, message: `${noun} \`${name}\` is also defined in ${basename(other.path)}` });
  }
  return out;
}
