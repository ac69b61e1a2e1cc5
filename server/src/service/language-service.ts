/**
 * The engine as an editor sees it: `createLanguageService(options)` → diagnose, hover, complete, code actions,
 * over a document's URI, version and text. One parse and one check per document version, shared by every
 * feature; no LSP types, no fs, no timers, so the LSP server, the CLI and a browser can all use it.
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
}

export interface LanguageService {
  configure(settings: Settings): void;
  diagnose(input: DocumentInput): { doc: ParsedDocument; result: CheckResult };
  /** The parsed document alone (shared with every other feature; no check is run). */
  parse(input: DocumentInput): ParsedDocument;
  /** Checks a compose file set (base + overrides, includes, extends) read through `reader`. */
  diagnoseSet(paths: readonly string[], reader: FileReader): SetResult;
  /** `set`: the document's file set, when it belongs to one (hovers then show merged networks). */
  hover(input: DocumentInput, offset: number, set?: ComposeSet): Hover | undefined;
  complete(input: DocumentInput, offset: number): CompletionItem[];
  definition(input: DocumentInput, offset: number, set?: ComposeSet): Location[];
  /** `findings`: the document's findings from its file set, when it was checked as part of one. */
  codeActions(input: DocumentInput, range: Span, findings?: readonly Finding[]): CodeAction[];
  fixAll(input: DocumentInput, findings?: readonly Finding[]): CodeAction | undefined;
  forget(uri: string): void;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  let settings: Settings = {};
  const cache = new Map<string, Entry>();
  /** The last target a document had when it parsed, so completion in a half-typed file still knows it. */
  const lastTarget = new Map<string, 'windows' | 'linux'>();

  /** The version a document is judged against: its check decides it (from its images under `auto`). */
  const windowsVersion = (e?: Entry, uri?: string): WindowsVersion =>
    (e && uri ? resultOf(e, uri).host?.version : undefined) ?? decideHostVersion(undefined, settings.windowsVersion).version;

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

  const resultOf = (e: Entry, uri: string): CheckResult => {
    if (!e.checked) {
      e.checked = checkDocument(e.doc, { ...settings, docsBaseUrl: options.docsBaseUrl, onRuleError: options.onRuleError });
      if (e.checked.target && e.doc.root) lastTarget.set(uri, e.checked.target.target);
    }
    return e.checked;
  };

  const isWindowsCompose = (e: Entry, uri: string) =>
    e.doc.kind === 'compose' &&
    (settings.target === 'windows' || (settings.target !== 'linux' && (resultOf(e, uri).target?.target ?? lastTarget.get(uri)) === 'windows'));

  return {
    configure(next) {
      settings = { ...next };
      cache.clear();
    },
    diagnose(input) {
      const e = entry(input);
      return { doc: e.doc, result: resultOf(e, input.uri) };
    },
    parse(input) {
      return entry(input).doc;
    },
    diagnoseSet(paths, reader) {
      const result = checkComposeSet(paths, reader, { ...settings, docsBaseUrl: options.docsBaseUrl, onRuleError: options.onRuleError });
      const target = [...result.results.values()][0]?.target?.target;
      if (target) for (const m of result.set.members) lastTarget.set(m.path, target);
      return result;
    },
    hover(input, offset, set) {
      const e = entry(input);
      const setTarget = set ? lastTarget.get(set.members[0]?.path ?? '') : undefined;
      if (isWindowsCompose(e, input.uri) || (e.doc.kind === 'compose' && setTarget === 'windows' && settings.target !== 'linux')) {
        return composeHover(e.doc, offset, { windowsVersion: windowsVersion(e, input.uri), docsBaseUrl: options.docsBaseUrl }, set);
      }
      const provider = options.providers?.find((p) => p.kinds.includes(e.doc.kind) && p.hover);
      return provider?.hover?.(e.doc, offset, { windowsVersion: windowsVersion(e, input.uri) });
    },
    complete(input, offset) {
      const e = entry(input);
      if (isWindowsCompose(e, input.uri)) {
        const serviceNames = buildComposeModel(e.doc.root, e.doc.path).services.map((s) => s.name);
        return composeCompletions(input.text, offset, { windowsVersion: windowsVersion(e, input.uri), serviceNames });
      }
      const provider = options.providers?.find((p) => p.kinds.includes(e.doc.kind) && p.complete);
      return provider?.complete?.(e.doc, offset, { windowsVersion: windowsVersion(e, input.uri) }) ?? [];
    },
    definition(input, offset, set) {
      const e = entry(input);
      return e.doc.kind === 'compose' ? composeDefinition(e.doc, offset, set) : [];
    },
    codeActions(input, range, findings) {
      const e = entry(input);
      return codeActions(e.doc, findings ?? resultOf(e, input.uri).findings, range);
    },
    fixAll(input, findings) {
      return fixAllAction(findings ?? resultOf(entry(input), input.uri).findings);
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
