/**
 * Runs the rules over one parsed document: decides the target, runs each rule that applies, drops suppressed
 * findings, applies per-rule severity settings and converts spans to LSP ranges. Pure: no fs, no timers, so
 * the CLI, the language server and a browser can all call it.
 */
import { buildComposeModel, type ComposeModel } from '../compose/model';
import { decideTarget, windowsServices, type TargetInfo, type TargetSetting } from '../compose/target';
import type { ParsedDocument } from '../documents/document';
import type { DocumentKind } from '../documents/kind';
import type { Range, Span } from '../documents/text';
import { decideHostVersion, hostName, type HostVersion, type WindowsVersionSetting } from '../compose/host-version';
import { type Environment, NO_ENVIRONMENT } from '../compose/environment';
import { resolveDocument } from '../compose/resolve';
import { ALL_RULES, SYNTAX_RULE_ID } from '../rules/registry';
import type { FileSetInfo, Report, Rule, Severity, SeveritySetting } from '../rules/types';
import { readSuppressions } from './suppress';
import { explainSubstitutions, type FindingSubstitution } from './substituted';
import { scriptPlan } from './check-script';

export interface CheckOptions {
  target?: TargetSetting;
  /** The host's Windows version, or `auto` (default): from the file's images where they pin it, else the newest. */
  windowsVersion?: WindowsVersionSetting;
  /** Per-rule severity or `off`. */
  rules?: Record<string, SeveritySetting>;
  /** Base URL of the rule pages (`<base><rule>.md`); omitted: findings carry no link. */
  docsBaseUrl?: string;
  /** Called when a rule throws; the other rules' findings are still returned. */
  onRuleError?: (rule: string, error: unknown) => void;
  /** The rules to run (tests and the language server pass their own set); default: all. */
  ruleSet?: readonly Rule[];
  /** Read suppression comments from the text (default). A file set applies them per file instead. */
  suppress?: boolean;
  /** The files checked together (a set), and the partner files of a file checked alone (compose/loader.ts). */
  fileSet?: FileSetInfo;
  /**
   * The variables compose would substitute (compose/environment.ts). Given, compose values are judged as substituted;
   * absent, a value with a variable is unknown to the rules, as before.
   */
  env?: Environment;
  /**
   * For an env file: the variables the compose files that read it use (their `${...}` names). Given, a variable
   * nothing uses is a hint; absent (the file read alone), nothing is said about use.
   */
  usedVariables?: ReadonlySet<string>;
}

export interface Edit {
  range: Range;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  preferred: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  span: Span;
  fixes: Fix[];
  related: { range?: Range; span: Span; message: string; path?: string }[];
  tags: ('unnecessary' | 'deprecated')[];
  docsUrl?: string;
  /** For a finding on a substituted value: each variable, what it was and where that came from. */
  substitutions?: FindingSubstitution[];
}

export interface CheckResult {
  kind: DocumentKind;
  target?: TargetInfo;
  /** The Windows version the rules judged against, and why (for a Windows file or an HNS/CNI document). */
  host?: HostVersion;
  findings: Finding[];
  /** Rules that threw, with their error, for logging. */
  ruleErrors: { rule: string; error: unknown }[];
}

export function checkDocument(doc: ParsedDocument, options: CheckOptions = {}): CheckResult {
  const ruleErrors: CheckResult['ruleErrors'] = [];
  if (doc.kind === 'none') return { kind: doc.kind, findings: [], ruleErrors };
  if (doc.kind === 'script') return checkScriptDocument(doc, options);
  const severityOf = (rule: string, fallback: Severity): SeveritySetting => options.rules?.[rule] ?? fallback;
  const suppressions = options.suppress === false ? { isSuppressed: () => false } : readSuppressions(doc.text, doc.lines, doc);
  const findings: Finding[] = [];

  const toFinding = (rule: Rule | undefined, id: string, report: Report, severity: Severity): Finding => ({
    rule: id,
    severity,
    message: report.message,
    span: report.span,
    range: doc.lines.rangeOf(report.span),
    fixes: (report.fixes ?? []).map((f) => ({
      title: f.title,
      preferred: f.preferred ?? false,
      edits: f.edits.map((e) => ({ span: e.span, range: doc.lines.rangeOf(e.span), newText: e.newText })),
    })),
    related: (report.related ?? []).map((r) => ({ ...r, range: r.path ? undefined : doc.lines.rangeOf(r.span) })),
    tags: rule?.meta.tags ?? [],
    docsUrl: options.docsBaseUrl ? `${options.docsBaseUrl}${id}.md` : undefined,
  });

  /** Why the file counts as Windows, attached to Windows findings so users can see (and dispute) the reason. */
  let evidenceNote: NonNullable<Report['related']> = [];

  const emit = (rule: Rule | undefined, id: string, defaultSeverity: Severity, report: Report): void => {
    if (rule?.meta.target === 'windows' && evidenceNote.length) report = { ...report, related: [...(report.related ?? []), ...evidenceNote] };
    const setting = severityOf(id, report.severity ?? defaultSeverity);
    if (setting === 'off') return;
    if (suppressions.isSuppressed(id, doc.lines.positionAt(report.span.start).line)) return;
    // A configured severity replaces the rule's; a finding's own lowered severity stands only without one.
    const severity = options.rules?.[id] && options.rules[id] !== 'off' ? (options.rules[id] as Severity) : setting;
    findings.push(toFinding(rule, id, report, severity));
  };

  for (const error of doc.errors) {
    const span = error.end !== undefined ? { start: error.offset, end: error.end } : syntaxSpan(doc.text, error.offset);
    emit(undefined, SYNTAX_RULE_ID, 'error', { span, message: error.message, fixes: error.fix ? [{ ...error.fix, preferred: true }] : undefined });
  }
  // An env file has no tree: its rule reads the text with the env-file grammar.
  if (!doc.root && doc.kind !== 'dotenv') return { kind: doc.kind, findings, ruleErrors };

  // Rules judge what compose sends: the values with their variables substituted, at the spans of the text.
  const env = options.env ?? NO_ENVIRONMENT;
  const resolution = doc.kind === 'compose' && options.env ? resolveDocument(doc, env) : undefined;
  const written = doc;
  doc = resolution?.doc ?? doc;
  const compose: ComposeModel =
    doc.kind === 'compose' ? buildComposeModel(doc.root!, doc.path) : { root: undefined, services: [], networks: [], stack: false, path: doc.path };
  const target = doc.kind === 'compose' ? decideTarget(compose, options.target ?? 'auto') : { target: 'windows' as const, forced: false, evidence: undefined };
  if (!target.forced && target.evidence)
    evidenceNote = [{ span: copy(target.evidence.span), message: `winnet checks this file as Windows: ${target.evidence.reason}` }];

  // Windows rules do not read the services a file pins to Linux (a mixed swarm, LCOW).
  const windowsCompose = target.target === 'windows' ? windowsServices(compose) : compose;
  const host = decideHostVersion(doc.kind === 'compose' && target.target === 'windows' ? windowsCompose : undefined, options.windowsVersion);
  // The version the images pin is part of the same note when the same image decided both.
  if (host.origin === 'image' && host.span) {
    const same = evidenceNote[0]?.span.start === host.span.start && evidenceNote[0]?.span.end === host.span.end;
    if (same)
      evidenceNote[0] = {
        span: copy(host.span),
        message: `winnet checks this file as Windows, ${hostName(host)}: ${target.evidence!.reason}, ${host.isolation}`,
      };
    else evidenceNote.push({ span: copy(host.span), message: `winnet checks this file against ${hostName(host)}: ${host.reason}` });
  }
  const windowsVersion = host.version;
  const fileSet = options.fileSet ?? { files: [doc.path], partners: [] };
  for (const rule of options.ruleSet ?? ALL_RULES) {
    const { meta } = rule;
    if (!meta.kinds.includes(doc.kind)) continue;
    if (meta.target !== 'any' && meta.target !== target.target) continue;
    if ((options.rules?.[meta.id] ?? (meta.offByDefault ? 'off' : meta.defaultSeverity)) === 'off') continue;
    try {
      const model = meta.target === 'windows' ? windowsCompose : compose;
      rule.check({
        doc: meta.asWritten ? written : doc,
        compose: model,
        target,
        windowsVersion,
        host,
        fileSet,
        substitutions: resolution?.substitutions ?? [],
        env,
        usedVariables: options.usedVariables,
        report: (r) => emit(rule, meta.id, meta.defaultSeverity, r),
      });
    } catch (error) {
      ruleErrors.push({ rule: meta.id, error });
      options.onRuleError?.(meta.id, error);
    }
  }
  if (resolution?.substitutions.length) explainSubstitutions(findings, resolution);
  findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  dropSchemaDuplicates(findings);
  return {
    kind: doc.kind,
    target: doc.kind === 'compose' ? target : undefined,
    host: doc.kind !== 'compose' || target.target === 'windows' ? host : undefined,
    findings,
    ruleErrors,
  };
}

/** A script, workflow or Markdown file: its docker commands, checked as the compose they amount to (check-script.ts). */
function checkScriptDocument(doc: ParsedDocument, options: CheckOptions): CheckResult {
  // A CI file that is not valid YAML: its steps cannot be found, which the syntax findings say.
  if (doc.errors.length) return { ...checkDocument({ ...doc, kind: 'compose', root: undefined }, { ...options, ruleSet: [] }), kind: 'script' };
  const plan = scriptPlan(doc, options.target);
  // No docker command winnet reads: the file is not ours, like any other YAML or Markdown.
  if (!plan) return { kind: 'none', findings: [], ruleErrors: [] };
  const result = checkDocument(plan.doc, {
    ...options,
    target: plan.target,
    env: undefined,
    ruleSet: options.ruleSet ?? plan.rules,
    fileSet: { files: [doc.path], partners: [] },
  });
  for (const finding of result.findings) plan.adapt(finding);
  return { ...result, kind: 'script' };
}

/**
 * A schema finding at the same place as a winnet rule's finding says the same thing less helpfully (e.g. an
 * unquoted boolean in driver_opts): keep the rule's, so the user never sees one error twice.
 */
function dropSchemaDuplicates(findings: Finding[]): void {
  const specific = new Set(findings.filter((f) => !f.rule.endsWith('-schema')).map((f) => `${f.span.start}:${f.span.end}`));
  for (let i = findings.length - 1; i >= 0; i--) {
    if (findings[i].rule.endsWith('-schema') && specific.has(`${findings[i].span.start}:${findings[i].span.end}`)) findings.splice(i, 1);
  }
}

/** A span as it is now: evidence spans follow their nodes (documents/tree.ts liveSpan), a finding keeps its own. */
function copy(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** One whole character at a parse error: empty at a line break or the end, both halves of a surrogate pair. */
function syntaxSpan(text: string, offset: number): Span {
  const ch = text.charCodeAt(offset);
  if (offset >= text.length || ch === 10 || ch === 13) return { start: offset, end: offset };
  const next = text.charCodeAt(offset + 1);
  const pair = ch >= 0xd800 && ch <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return { start: offset, end: offset + (pair ? 2 : 1) };
}
