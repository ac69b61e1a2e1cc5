/**
 * The engine as an editor sees it: `createLanguageService(options)` → diagnose, hover, complete, code actions,
 * definitions and inlay hints, over a document's URI, version and text. One parse per document version and one check
 * per version and environment, shared by every feature; no LSP types, no fs, no timers, so the LSP server, the CLI and
 * a browser can all use it. The caller says which compose variables a document is checked with (its project's
 * environment, service/project-environments.ts): the service reads no file.
 */
import { buildComposeModel } from '../compose/model';
import { parseDocument, type ParsedDocument } from '../documents/document';
import { reparseIncrementally } from '../documents/incremental';
import type { Language } from '../documents/kind';
import { checkDocument, type CheckOptions, type CheckResult } from '../engine/check';
import { decideHostVersion } from '../compose/host-version';
import type { WindowsVersion } from '../knowledge/versions';
import type { ComposeSet, FileReader } from '../compose/loader';
import { checkComposeSet, type SetResult } from '../engine/check-set';
import type { Finding } from '../engine/check';
import { codeActions, fixAllAction, type CodeAction } from './actions';
import { composeDefinition, type Location } from './definition';
import type { CompletionItem } from './completion-item';
import { composeCompletions } from './compose-complete';
import { composeHover, type Hover } from './compose-hover';
import type { Span } from '../documents/text';
import type { Environment } from '../compose/environment';
import { resolveDocument } from '../compose/resolve';
import { variableDefinition } from './definition';
import { variableHover } from './variable-hover';
import { type InlayHint, variableInlayHints } from './variable-hints';

export type Settings = Pick<CheckOptions, 'target' | 'windowsVersion' | 'rules'>;

export interface LanguageServiceOptions {
  docsBaseUrl?: string;
  onRuleError?: (rule: string, error: unknown) => void;
  /** Extra hover/completion providers for other document kinds (HNS JSON). */
  providers?: KindProvider[];
}

/** The version hovers and completions describe: the one the document's check judged against. */
interface VersionContext {
  windowsVersion: WindowsVersion;
}

export interface KindProvider {
  kinds: ParsedDocument['kind'][];
  hover?(doc: ParsedDocument, offset: number, settings: VersionContext): Hover | undefined;
  complete?(doc: ParsedDocument, offset: number, settings: VersionContext): CompletionItem[];
}

/** What a document is checked with besides its text: the variables compose substitutes, and for an env file, who reads it. */
export interface DocumentContext {
  /** The compose variables of the document's project; absent, values with variables are unknown (nothing read). */
  env?: Environment;
  /** For an env file: the variables the compose files that read it use; absent, none is called unused. */
  usedVariables?: ReadonlySet<string>;
}

export interface DocumentInput {
  uri: string;
  version: number;
  text: string;
  /** The editor's language id, when it says YAML or JSON; otherwise decided from the name and text. */
  language?: Language;
}

interface Entry {
  version: number;
  text: string;
  doc: ParsedDocument;
  /** The single-document check, run on first use: a file checked as part of its set never needs it. */
  checked?: CheckResult;
  /** The context `checked` was made with: a new environment (an edited `.env`) makes a new check. */
  checkedWith?: { env?: Environment; used?: string };
}

export interface LanguageService {
  configure(settings: Settings): void;
  diagnose(input: DocumentInput, context?: DocumentContext): { doc: ParsedDocument; result: CheckResult };
  /** The parsed document alone (shared with every other feature; no check is run). */
  parse(input: DocumentInput): ParsedDocument;
  /** Checks a compose file set (base + overrides, includes, extends) read through `reader`, with its project's variables. */
  diagnoseSet(paths: readonly string[], reader: FileReader, env?: Environment): SetResult;
  /**
   * `set`: the document's file set, when it belongs to one (hovers then show merged networks). With `env`, a hover on
   * a `${VAR}` says what compose substitutes and why, and the value's own hover describes the substituted value.
   */
  hover(input: DocumentInput, offset: number, set?: ComposeSet, env?: Environment): Hover | undefined;
  complete(input: DocumentInput, offset: number): CompletionItem[];
  /** With `env`, a `${VAR}` leads to the env file line that sets it. */
  definition(input: DocumentInput, offset: number, set?: ComposeSet, env?: Environment): Location[];
  /** ` = value` after each `${...}` of a Windows compose file whose value `env` (or a default) gives, within `range`. */
  inlayHints(input: DocumentInput, range: Span, env: Environment, set?: ComposeSet): InlayHint[];
  /** `findings`: the document's findings from its file set, when it was checked as part of one. */
  codeActions(input: DocumentInput, range: Span, findings?: readonly Finding[], context?: DocumentContext): CodeAction[];
  fixAll(input: DocumentInput, findings?: readonly Finding[], context?: DocumentContext): CodeAction | undefined;
  forget(uri: string): void;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  let settings: Settings = {};
  const cache = new Map<string, Entry>();
  /** The last target a document had when it parsed, so completion in a half-typed file still knows it. */
  const lastTarget = new Map<string, 'windows' | 'linux'>();

  /** The version a document is judged against: its check decides it (from its images under `auto`). */
  const windowsVersion = (e: Entry, uri: string, context: DocumentContext): WindowsVersion =>
    latest(e, uri, context).host?.version ?? decideHostVersion(undefined, settings.windowsVersion).version;

  const entry = (input: DocumentInput): Entry => {
    const cached = cache.get(input.uri);
    if (cached && cached.version === input.version && cached.text === input.text) return cached;
    // A new version of a document we hold: re-parse only the entry the edit touched when that provably suffices
    // (it consumes the cached document, which this entry replaces).
    cache.delete(input.uri);
    const sameLanguage = cached && (input.language ?? cached.doc.language) === cached.doc.language;
    const doc = (sameLanguage && reparseIncrementally(cached.doc, input.text)) || parseDocument(uriPath(input.uri), input.text, input.language);
    const fresh: Entry = { version: input.version, text: input.text, doc };
    cache.set(input.uri, fresh);
    return fresh;
  };

  const resultOf = (e: Entry, uri: string, context: DocumentContext): CheckResult => {
    const used = context.usedVariables && [...context.usedVariables].sort().join('\n');
    if (!e.checked || e.checkedWith?.env !== context.env || e.checkedWith?.used !== used) {
      const { env, usedVariables } = context;
      e.checked = checkDocument(e.doc, { ...settings, docsBaseUrl: options.docsBaseUrl, onRuleError: options.onRuleError, env, usedVariables });
      e.checkedWith = { env, used };
      if (e.checked.target && e.doc.root) lastTarget.set(uri, e.checked.target.target);
    }
    return e.checked;
  };

  /**
   * The check hovers and completions read the target and version from: the one diagnostics made, whatever it was
   * made with (a completion asks with no environment, and re-checking for it would throw the diagnostics' check away).
   */
  const latest = (e: Entry, uri: string, context: DocumentContext): CheckResult => e.checked ?? resultOf(e, uri, context);

  const isWindowsCompose = (e: Entry, uri: string, context: DocumentContext) =>
    e.doc.kind === 'compose' &&
    (settings.target === 'windows' || (settings.target !== 'linux' && (latest(e, uri, context).target?.target ?? lastTarget.get(uri)) === 'windows'));

  /** A compose file winnet describes: Windows on its own, or a member of a set that is (an override, an include). */
  const describesWindows = (e: Entry, uri: string, context: DocumentContext, set?: ComposeSet) => {
    const setTarget = set ? lastTarget.get(set.members[0]?.path ?? '') : undefined;
    return isWindowsCompose(e, uri, context) || (e.doc.kind === 'compose' && setTarget === 'windows' && settings.target !== 'linux');
  };

  return {
    configure(next) {
      settings = { ...next };
      cache.clear();
    },
    diagnose(input, context = {}) {
      const e = entry(input);
      return { doc: e.doc, result: resultOf(e, input.uri, context) };
    },
    parse(input) {
      return entry(input).doc;
    },
    diagnoseSet(paths, reader, env) {
      const result = checkComposeSet(paths, reader, { ...settings, docsBaseUrl: options.docsBaseUrl, onRuleError: options.onRuleError, env });
      const target = [...result.results.values()][0]?.target?.target;
      if (target) for (const m of result.set.members) lastTarget.set(m.path, target);
      return result;
    },
    hover(input, offset, set, env) {
      const e = entry(input);
      const context = { env };
      if (describesWindows(e, input.uri, context, set)) {
        // The variable under the cursor first; then the value's own hover, of the value compose substitutes.
        const resolution = env && resolveDocument(e.doc, env);
        const variable = resolution && variableHover(e.doc, resolution, offset);
        const ctx = { windowsVersion: windowsVersion(e, input.uri, context), docsBaseUrl: options.docsBaseUrl, variablesRead: env !== undefined };
        const value = composeHover(resolution?.doc ?? e.doc, offset, ctx, set);
        if (!variable || !value) return variable ?? value;
        return { markdown: `${variable.markdown}\n\n---\n\n${value.markdown}`, span: variable.span };
      }
      const provider = options.providers?.find((p) => p.kinds.includes(e.doc.kind) && p.hover);
      return provider?.hover?.(e.doc, offset, { windowsVersion: windowsVersion(e, input.uri, context) });
    },
    complete(input, offset) {
      const e = entry(input);
      if (isWindowsCompose(e, input.uri, {})) {
        const serviceNames = buildComposeModel(e.doc.root, e.doc.path).services.map((s) => s.name);
        return composeCompletions(input.text, offset, { windowsVersion: windowsVersion(e, input.uri, {}), serviceNames });
      }
      const provider = options.providers?.find((p) => p.kinds.includes(e.doc.kind) && p.complete);
      return provider?.complete?.(e.doc, offset, { windowsVersion: windowsVersion(e, input.uri, {}) }) ?? [];
    },
    definition(input, offset, set, env) {
      const e = entry(input);
      if (e.doc.kind !== 'compose') return [];
      const variable = env ? variableDefinition(e.doc, resolveDocument(e.doc, env), offset) : [];
      return [...variable, ...composeDefinition(e.doc, offset, set)];
    },
    inlayHints(input, range, env, set) {
      const e = entry(input);
      if (!e.doc.root || !describesWindows(e, input.uri, { env }, set)) return [];
      return variableInlayHints(e.doc, resolveDocument(e.doc, env), range);
    },
    codeActions(input, range, findings, context = {}) {
      const e = entry(input);
      return codeActions(e.doc, findings ?? resultOf(e, input.uri, context).findings, range);
    },
    fixAll(input, findings, context = {}) {
      return fixAllAction(findings ?? resultOf(entry(input), input.uri, context).findings);
    },
    forget(uri) {
      cache.delete(uri);
      lastTarget.delete(uri);
    },
  };
}

/** A file path for kind detection by name: the URI's path, decoded. */
function uriPath(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)/i.exec(uri);
  if (!m) return uri;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
