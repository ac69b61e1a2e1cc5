/**
 * The language server: an adapter from LSP to the language service. It syncs documents incrementally,
 * debounces checks per document (stale runs are dropped by version), reads `winnet.*` settings, and turns
 * findings, hovers, completions and fixes into LSP shapes. It decides nothing about Windows networking.
 * Works over stdio (`node dist/server.js --stdio`, any LSP editor) and Node IPC (the VS Code client).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction as LspCodeAction,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './engine/check';
import type { CodeAction } from './service/actions';
import type { CompletionItem } from './service/compose-complete';
import { createLanguageService, type DocumentInput } from './service/language-service';
import { hnsProviders } from './service/providers';
import { DEFAULT_DEBOUNCE_MS, settingsFrom } from './service/settings';

/** Documents larger than this are not checked (one notice instead); no compose or HNS file comes close. */
export const MAX_CHECK_CHARS = 10 * 1024 * 1024;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const docsBaseUrl = `${pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href}/`;
const service = createLanguageService({
  docsBaseUrl,
  onRuleError: (rule, error) => connection.console.error(`winnet: rule ${rule} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  providers: hnsProviders(),
});

let debounceMs = DEFAULT_DEBOUNCE_MS;
let canPullConfiguration = false;
const timers = new Map<string, NodeJS.Timeout>();

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function input(doc: TextDocument): DocumentInput {
  const language = /yaml|compose/i.test(doc.languageId) ? 'yaml' : /json/i.test(doc.languageId) ? 'json' : undefined;
  return { uri: doc.uri, version: doc.version, text: doc.getText(), language };
}

function toDiagnostic(uri: string, f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'winnet',
    code: f.rule,
    ...(f.docsUrl ? { codeDescription: { href: f.docsUrl } } : {}),
    message: f.message,
    ...(f.tags.length ? { tags: f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)) } : {}),
    ...(f.related.length
      ? { relatedInformation: f.related.filter((r) => r.range).map((r) => ({ location: { uri: r.path ? pathToFileURL(r.path).href : uri, range: r.range! }, message: r.message })) }
      : {}),
    data: { rule: f.rule },
  };
}

function validate(doc: TextDocument): void {
  const version = doc.version;
  if (doc.getText().length > MAX_CHECK_CHARS) {
    connection.sendDiagnostics({
      uri: doc.uri,
      version,
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'winnet', code: 'too-large', message: `winnet does not check files larger than ${MAX_CHECK_CHARS / 1024 / 1024} MB.` }],
    });
    return;
  }
  try {
    const { result } = service.diagnose(input(doc));
    // A newer version arrived while this one was checked: its own run will publish.
    if (documents.get(doc.uri)?.version !== version) return;
    connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: result.findings.map((f) => toDiagnostic(doc.uri, f)) });
  } catch (error) {
    connection.console.error(`winnet: checking ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

function schedule(doc: TextDocument, delay = debounceMs): void {
  const pending = timers.get(doc.uri);
  if (pending) clearTimeout(pending);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) validate(current);
    }, delay),
  );
}

async function loadSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const raw = (await connection.workspace.getConfiguration('winnet')) as Record<string, unknown> | null;
    applySettings(raw ?? {});
  } catch (error) {
    connection.console.error(`winnet: reading settings failed: ${String(error)}`);
  }
}

function applySettings(raw: Record<string, unknown>): void {
  const next = settingsFrom(raw);
  debounceMs = next.debounceMs;
  service.configure(next.settings);
  for (const doc of documents.all()) schedule(doc, 0);
}

function toCompletion(item: CompletionItem, doc: TextDocument) {
  const range = { start: doc.positionAt(item.replace.start), end: doc.positionAt(item.replace.end) };
  const kind = { value: CompletionItemKind.Value, property: CompletionItemKind.Property, enum: CompletionItemKind.EnumMember, module: CompletionItemKind.Module }[item.kind];
  return {
    label: item.label,
    kind,
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    textEdit: { range, newText: item.insertText ?? item.label },
    insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: item.sortText,
    preselect: item.preselect,
  };
}

function toCodeAction(action: CodeAction, doc: TextDocument): LspCodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll + '.winnet',
    isPreferred: action.preferred,
    diagnostics: action.findings.map((f) => toDiagnostic(doc.uri, f)),
    edit: { changes: { [doc.uri]: action.edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText })) } },
  };
}

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  const initial = params.initializationOptions as { settings?: Record<string, unknown> } | undefined;
  if (initial?.settings) applySettings(initial.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '"', '.'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.winnet'], resolveProvider: false },
    },
    serverInfo: { name: 'winnet', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void loadSettings();
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void loadSettings();
  else applySettings(((change.settings as Record<string, unknown> | null)?.winnet as Record<string, unknown>) ?? {});
});

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  const pending = timers.get(e.document.uri);
  if (pending) clearTimeout(pending);
  timers.delete(e.document.uri);
  service.forget(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || doc.getText().length > MAX_CHECK_CHARS) return null;
  try {
    const hover = service.hover(input(doc), doc.offsetAt(params.position));
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: { start: doc.positionAt(hover.span.start), end: doc.positionAt(hover.span.end) } };
  } catch (error) {
    connection.console.error(`winnet: hover failed: ${String(error)}`);
    return null;
  }
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || doc.getText().length > MAX_CHECK_CHARS) return [];
  try {
    return service.complete(input(doc), doc.offsetAt(params.position)).map((item) => toCompletion(item, doc));
  } catch (error) {
    connection.console.error(`winnet: completion failed: ${String(error)}`);
    return [];
  }
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || doc.getText().length > MAX_CHECK_CHARS) return [];
  try {
    const only = params.context.only;
    const wantsFixAll = !only || only.some((k) => k === CodeActionKind.SourceFixAll || k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
    const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix);
    const span = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
    const actions: LspCodeAction[] = [];
    if (wantsQuickFix) actions.push(...service.codeActions(input(doc), span).map((a) => toCodeAction(a, doc)));
    if (wantsFixAll) {
      const all = service.fixAll(input(doc));
      if (all) actions.push(toCodeAction(all, doc));
    }
    return actions;
  } catch (error) {
    connection.console.error(`winnet: code actions failed: ${String(error)}`);
    return [];
  }
});

process.on('uncaughtException', (error) => connection.console.error(`winnet: unexpected error: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
