/**
 * The rule model shared by compose and HNS rules. A rule is metadata (stable id, default severity, docs,
 * sources, fixable) plus a check over a parsed document that reports findings; fixes are data (text edits), so
 * the CLI, the language server and any editor apply the same edits.
 */
import type { Environment } from '../compose/environment';
import type { ComposeModel } from '../compose/model';
import type { Substitution } from '../compose/resolve';
import type { HostVersion } from '../compose/host-version';
import type { TargetInfo } from '../compose/target';
import type { ParsedDocument } from '../documents/document';
import type { DocumentKind } from '../documents/kind';
import type { Span } from '../documents/text';
import type { SourceRef } from '../knowledge/sources';
import type { WindowsVersion } from '../knowledge/versions';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface SpanEdit {
  span: Span;
  newText: string;
}

export interface SpanFix {
  title: string;
  edits: SpanEdit[];
  /** The one obvious fix (quick-fix "preferred"; the only kind `--fix` applies). */
  preferred?: boolean;
}

export interface Related {
  span: Span;
  message: string;
  /** Another file, for findings that involve more than one (multi-file compose). */
  path?: string;
}

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. lower where the sources disagree). */
  severity?: Severity;
  fixes?: SpanFix[];
  related?: Related[];
}

export interface RuleMeta {
  id: string;
  title: string;
  /** The severity of its findings; with `offByDefault`, the severity it has once a setting turns it on. */
  defaultSeverity: Severity;
  /** Runs only when a setting names it (`--rule <id>=hint`, `winnet.rules`): for hints whose evidence is thin. */
  offByDefault?: boolean;
  /** Document kinds the rule reads. */
  kinds: DocumentKind[];
  /** Whom it speaks to: files targeting Windows, Linux, or any. */
  target: 'windows' | 'linux' | 'any';
  fixable: boolean;
  /** LSP diagnostic tags: the option has no effect, or the form is deprecated. */
  tags?: ('unnecessary' | 'deprecated')[];
  /** Markdown: what happens on Windows and why, for the docs page. */
  description: string;
  /** Markdown: what to do instead. */
  remedy: string;
  /** Where the evidence disagrees or is thin, said plainly (and the severity is the lower one). */
  caveat?: string;
  /**
   * The docs page's examples, each a whole file: `bad` gives this rule's findings and no other, `good` none at all
   * (rules/compose/examples.test.ts holds every rule to it), with the settings written here (the page states them).
   */
  examples: {
    bad: string;
    good?: string;
    path?: string;
    windowsVersion?: WindowsVersion;
    target?: 'windows' | 'linux';
    /**
     * The same mistake as a `docker` command in a PowerShell script (docker network create / run), for rules that
     * also check commands in scripts, CI files and Markdown (engine/check-script.ts); a test checks it is reported.
     */
    command?: string;
    /** The project's `.env` beside the example, when the example's values come from variables. */
    env?: string;
  };
  /**
   * The error texts users see when what this rule reports reaches Docker, HNS or compose, quoted as they are printed
   * (the constant part; ids, names and numbers in them are matched loosely). `winnet explain` matches pasted text
   * against them, so a user with an error finds the rule that would have caught it. A name in angle brackets stands
   * for any name (`network <name> not found`); an example id, address or number matches any of its kind; an
   * HRESULT (`(0x803b0006)`) matches in any spelling (service/explain-match.ts).
   */
  errors?: string[];
  /**
   * Judges the file as written, before compose substitutes its variables (the schema rule: compose casts substituted
   * values to the schema's types, which winnet leaves to compose). Every other rule sees the substituted values.
   */
  asWritten?: boolean;
  /**
   * What users see or say when nothing prints an error ("localhost:8080 does not answer from the host"), for the
   * rules whose mistake fails silently. `winnet explain` matches them like `errors`.
   */
  symptoms?: string[];
  sources: SourceRef[];
}

/** The compose files a check reads together, and, for a file alone, the files beside it it may be merged with. */
export interface FileSetInfo {
  files: readonly string[];
  partners: readonly string[];
}

export interface RuleContext {
  doc: ParsedDocument;
  compose: ComposeModel;
  target: TargetInfo;
  /** The version whose facts apply (`host.version`). */
  windowsVersion: WindowsVersion;
  /** The host's release, finer than `windowsVersion` (1709 and 1803 share the facts of 2016), and how it was decided. */
  host: HostVersion;
  fileSet: FileSetInfo;
  /** The variables of the file: what each substituted value became and from where (compose/resolve.ts). */
  substitutions: readonly Substitution[];
  /** Where the variables came from (the environment, env files), for messages. */
  env: Environment;
  /** For an env file: the variables the compose files reading it use, when they are known (engine/check.ts). */
  usedVariables?: ReadonlySet<string>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
