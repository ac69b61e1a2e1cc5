/**
 * Findings on substituted values say what they judged: a rule reported `isolation: ${ISOLATION}` because compose
 * would send `hyper-v`, so the message names the value and where it came from (".env line 3", the environment, the
 * default written in the file), the env file's line is related information, and the finding carries the
 * substitutions as data for JSON and SARIF. A fix never rewrites a `${...}`: its edits would replace the variable
 * with a literal, so fixes that touch a substituted value are dropped (the value lives in the env file).
 */
import { describeSource } from '../compose/environment';
import { interpolate } from '../compose/interpolation';
import { type Resolution, type Substitution, substitutionsAt } from '../compose/resolve';
import type { Span } from '../documents/text';

export interface FindingSubstitution {
  /** The expression as written, `${ISOLATION}`. */
  expression: string;
  name: string;
  /** What the expression becomes: the variable's value, or its default or alternate. */
  value: string;
  /** Where that came from: "the environment", ".env line 3", or that the variable is unset and the expression decides. */
  source: string;
}

/** The parts of a finding (engine/check.ts `Finding`) this file reads and amends; named here so check.ts can call it without a cycle. */
interface Explainable {
  rule: string;
  span: Span;
  message: string;
  related: { range?: unknown; span: Span; message: string; path?: string }[];
  fixes: { edits: { span: Span }[] }[];
  substitutions?: FindingSubstitution[];
}

/** At most this many variables are named in one message; the rest are in `substitutions`. */
const NAMED = 3;

export function explainSubstitutions(findings: Explainable[], resolution: Resolution): void {
  for (const finding of findings) {
    if (finding.rule === 'compose-variable' || finding.rule === 'syntax') continue;
    const here = substitutionsAt(resolution, finding.span).filter((s) => s.value !== undefined);
    if (!here.length) continue;
    const substitutions = here.flatMap((s) => describe(s, resolution));
    if (!substitutions.length) continue;
    finding.substitutions = substitutions;
    const named = substitutions.slice(0, NAMED).map((s) => `\`${s.expression}\` is \`${s.value ?? ''}\` here (${s.source})`);
    finding.message = `${finding.message} [${named.join('; ')}${substitutions.length > NAMED ? `; and ${substitutions.length - NAMED} more` : ''}]`;
    for (const s of here)
      for (const use of s.uses) {
        const source = use.binding?.source;
        if (source?.kind !== 'file') continue;
        finding.related.push({
          path: source.path,
          span: source.entry.span,
          range: source.lines.rangeOf(source.entry.span),
          message: `${use.name}=${use.binding!.value}: the value compose substitutes for \`${s.written.slice(use.span.start, use.span.end)}\``,
        });
      }
    finding.fixes = finding.fixes.filter((fix) => !fix.edits.some((e) => here.some((s) => e.span.start < s.node.end && e.span.end > s.node.start)));
  }
}

function describe(s: Substitution, resolution: Resolution): FindingSubstitution[] {
  return s.uses.map((use) => {
    const expression = s.written.slice(use.span.start, use.span.end);
    // What this expression alone becomes: the variable's value, or what its operator makes of an unset one.
    const value = interpolate(expression, (name) => resolution.env.get(name)?.value).value;
    const source = use.binding ? describeSource(use.binding.source) : `${use.name} is not set, so the expression's default applies`;
    return { expression, name: use.name, value, source };
  });
}
