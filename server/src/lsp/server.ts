/**
 * The language server: an adapter from LSP to the language service. It syncs documents incrementally,
 * debounces checks per document (stale runs are dropped by version), reads `winnet.*` settings, reads each
 * project's compose variables (its `.env`, or `winnet.envFiles`), and turns findings, hovers, completions, fixes,
 * definitions and inlay hints into LSP shapes. It decides nothing about Windows networking.
 * Works over stdio (`node dist/server.js --stdio`, any LSP editor) and Node IPC (the VS Code client).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { version } from '../../../package.json';
import type { Environment } from '../compose/environment';
import type { FileReader } from '../compose/loader';
import type { Finding } from '../engine/check';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction as LspCodeAction,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStatus } from '../service/document-status';
import type { FileSets, Release } from '../service/file-sets';
import type { FolderLanguageService } from '../service/folder-services';
import type { DocumentContext } from '../service/language-service';
import type { EnvironmentSources, ProjectEnvironments } from '../service/project-environments';
import type { VariableSettings } from '../service/settings';
import { CodeCache, codeCacheDir } from './code-cache';
import { DocsPages } from './docs-pages';
import { documentInput as input, toCodeAction, toCompletion, toDiagnostic, toHover, toInlayHint, tooLargeDiagnostic } from './convert';
import { slowHeapGrowth } from './heap-growth';
import type * as Engine from './server-engine';

/** Documents larger than this are not checked (one notice instead); no compose or HNS file comes close. */
export const MAX_CHECK_CHARS = 10 * 1024 * 1024;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const docsBaseUrl = `${pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href}/`;
/** The docs pages document links open (service/document-links.ts); set in `initialize`, where the client says what it opens. */
let docsPages = new DocsPages(join(__dirname, '..', 'docs'), false);

// The engine is required on first use, which is right after `initialize` has been answered (the `initialized`
// notification pulls the settings): see server-engine.ts.
let engineModule: typeof Engine | undefined;
let languageService: FolderLanguageService | undefined;

/** Set in `initialize`, where the editor may name its storage folder (code-cache.ts). */
let codeCache: CodeCache | undefined;

function engine(): typeof Engine {
  if (engineModule) return engineModule;
  // Bundled (dist/server.js beside dist/engine.js), the engine loads through V8's code cache; from sources
  // (tests that import server modules) it is a plain require.
  const bundled = join(__dirname, 'engine.js');
  engineModule = (existsSync(bundled) ? (codeCache ??= new CodeCache(undefined)).require(bundled) : require('./server-engine')) as typeof Engine;
  return engineModule;
}

/**
 * Once, after the first check of a compose, HNS or CNI document has been sent (a foreign JSON file runs little of
 * the engine): write the code cache, which now holds the bytecode of everything that check ran, then slow the
 * heap's growth. In that order, because V8 refuses a cache made under other flags. On a timer so that the
 * diagnostics are on their way first. Bundles first loaded after this (the HNS validators after a compose file)
 * are compiled as without a cache.
 */
let afterFirstCheckScheduled = false;
function afterFirstCheck(): void {
  if (afterFirstCheckScheduled) return;
  afterFirstCheckScheduled = true;
  setTimeout(() => {
    codeCache?.save();
    slowHeapGrowth();
  }, 0);
}

/** The language service, one per distinct settings of the workspace folders (service/folder-services.ts). */
function service(): FolderLanguageService {
  return (languageService ??= engine().createFolderLanguageService(
    {
      docsBaseUrl,
      onRuleError: (rule, error) =>
        connection.console.error(`winnet: rule ${rule} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      providers: engine().hnsProviders(),
    },
    localPath,
  ));
}

let debounceMs: number | undefined;
let composeFileSets: string[][] = [];
let workspaceRoots: string[] = [];
/** The workspace folders the client named, whose own settings are asked for (`scopeUri`): multi-root workspaces. */
let workspaceFolders: { uri: string; path: string }[] = [];
let canPullConfiguration = false;
/** The client lets the server register file watchers (VS Code does; see onDidChangeWatchedFiles). */
let canWatchFiles = false;
/** The client can be asked to request inlay hints again (`workspace/inlayHint/refresh`), after a `.env` changed. */
let canRefreshInlayHints = false;
let variableSettings: VariableSettings = { envFiles: [], readProcessEnvironment: false, inlayHints: true };
const timers = new Map<string, NodeJS.Timeout>();

/** Which open documents own which set members (service/file-sets.ts); made with the engine. */
let fileSetsModel: FileSets | undefined;
function fileSets(): FileSets {
  return (fileSetsModel ??= new (engine().FileSets)((uri) => documents.get(uri) !== undefined));
}

/** Applies a change of ownership: released members open in the editor are checked again, the others cleared. */
function apply(release: Release): void {
  for (const uri of release.recheck) {
    const doc = documents.get(uri);
    if (doc) schedule(doc, 0);
  }
  for (const uri of release.clear) connection.sendDiagnostics({ uri, diagnostics: [] });
}

/**
 * Runs a request handler and logs what it throws instead of failing the request: a hover, a completion or a
 * code action is never worth an error in the editor, and the server must survive any document.
 */
function guarded<A extends { textDocument: { uri: string } }, R>(name: string, fallback: R, handler: (doc: TextDocument, params: A) => R): (params: A) => R {
  return (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || doc.getText().length > MAX_CHECK_CHARS) return fallback;
    try {
      return handler(doc, params);
    } catch (error) {
      connection.console.error(`winnet: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

/**
 * False when the client says the workspace is not trusted (`initializationOptions.workspaceTrusted`, sent by
 * winnet's VS Code client): then the files a compose file names (`include`, `extends.file`, the override next
 * to it) are read only inside the workspace folders. Editors without workspace trust send nothing: trusted.
 */
let workspaceTrusted = true;

function insideWorkspace(path: string): boolean {
  return workspaceRoots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
}

/** Whether trust keeps winnet from reading `path` from disk (an open editor buffer is read anyway). */
function untrustedPath(path: string): boolean {
  return !workspaceTrusted && !insideWorkspace(path);
}

/**
 * An env file's text: the open buffer, else the file on disk. An env file holds secrets, so in an untrusted workspace
 * none outside its folders is read, not even an open one (a compose file outside them is checked without variables).
 */
function readEnvFile(path: string): string | undefined {
  return untrustedPath(path) ? undefined : reader.read(path);
}

/**
 * Where compose variables come from, as the settings and the workspace trust allow: `winnet.envFiles` (relative to the
 * first workspace folder) instead of each project's `.env`, and the server's own environment only when
 * `winnet.readProcessEnvironment` is on and the workspace is trusted.
 */
function environmentSources(): EnvironmentSources {
  const root = workspaceRoots[0];
  const envFiles = variableSettings.envFiles.flatMap((p) => (isAbsolute(p) ? [resolve(p)] : root ? [resolve(root, p)] : []));
  return { envFiles, process: variableSettings.readProcessEnvironment && workspaceTrusted ? process.env : undefined };
}

/** Each project's variables, read once per project directory (service/project-environments.ts). */
let environmentsModel: ProjectEnvironments | undefined;
function environments(): ProjectEnvironments {
  if (!environmentsModel) {
    environmentsModel = new (engine().ProjectEnvironments)(readEnvFile);
    environmentsModel.configure(environmentSources());
  }
  return environmentsModel;
}

/** The project directory of each open compose document (where compose reads `.env`), worked out once per check. */
const projectDirs = new Map<string, string>();

/** The folder of the first file of the document's set: the one it was last checked in, or the one it would be. */
function projectDirOf(uri: string, path: string): string {
  let dir = projectDirs.get(uri);
  if (dir === undefined) {
    dir = dirname(fileSets().setOf(uri)?.files[0] ?? setPathsFor(path)[0]);
    projectDirs.set(uri, dir);
  }
  return dir;
}

/**
 * The variables of an open compose document's project; undefined for an untitled one (it has no project) and for
 * documents that are not compose files (nothing else substitutes variables).
 */
function envFor(doc: TextDocument): Environment | undefined {
  const path = localPath(doc.uri);
  return path && isOpenCompose(doc) ? environments().of(projectDirOf(doc.uri, path)) : undefined;
}

/** What a document is checked with: its project's variables; for an env file, also the variables its project uses. */
function contextFor(doc: TextDocument, kind: string): DocumentContext {
  const path = localPath(doc.uri);
  if (!path) return {};
  if (kind === 'compose') return { env: envFor(doc) };
  if (kind === 'dotenv') return { env: environments().of(dirname(path)), usedVariables: usedVariablesFor(path) };
  return {};
}

/** An open compose document within the size winnet checks (its parse is the one its check uses). */
function isOpenCompose(doc: TextDocument): boolean {
  return doc.getText().length <= MAX_CHECK_CHARS && service().parse(input(doc)).kind === 'compose';
}

/** The context of each open document's last check, so its code actions see the findings it was shown. */
const lastContexts = new Map<string, DocumentContext>();

/** What each open document's last check decided (its target, Windows version, set): `winnet/documentStatus`. */
const statuses = new Map<string, DocumentStatus>();

/**
 * The variables used by the compose files that read the env file at `envPath`: the open compose documents whose
 * project reads it (and their sets), and the compose files on disk in the env file's folder (or, for
 * `winnet.envFiles`, the workspace folders). Undefined when the file is read by no project or no compose file is
 * known: then no variable is called unused.
 */
function usedVariablesFor(envPath: string): Set<string> | undefined {
  const envs = environments();
  if (!envs.isEnvFile(envPath)) return undefined;
  const directories = new Set<string>(basename(envPath) === '.env' ? [dirname(envPath)] : workspaceRoots);
  const texts: string[] = [];
  for (const doc of documents.all()) {
    const path = localPath(doc.uri);
    if (!path || !isOpenCompose(doc)) continue;
    const dir = projectDirOf(doc.uri, path);
    if (!envs.reads(dir, envPath)) continue;
    directories.add(dir);
    texts.push(doc.getText());
    for (const member of fileSets().setOf(doc.uri)?.members ?? []) texts.push(member.doc.text);
  }
  return engine().variablesUsedBy(directories, reader, texts);
}

/**
 * An env file was edited, opened, closed, or changed on disk: the projects that read it read it again, their open
 * compose documents are checked again, and the editor asks for their inlay hints again.
 */
function envFileChanged(path: string, delay?: number): void {
  if (!environments().changed(path)) return;
  // `COMPOSE_FILE` in it may change which files make up a set, and so a document's project directory.
  projectDirs.clear();
  for (const doc of documents.all()) {
    const open = localPath(doc.uri);
    if (open && open !== path && isOpenCompose(doc) && environments().reads(projectDirOf(doc.uri, open), path)) schedule(doc, delay);
  }
  refreshInlayHints(delay);
}

/** The variable names each open compose document used at its last check, to tell when its env files need a new check. */
const usedNames = new Map<string, string>();

/** A compose document's variables may have changed (or it closed): its open env files are checked again if they did. */
function composeVariablesChanged(doc: TextDocument, closed = false): void {
  const path = localPath(doc.uri);
  if (!path) return;
  const names = closed ? undefined : [...engine().variableNames(doc.getText())].sort().join(' ');
  if (usedNames.get(doc.uri) === names) return;
  if (names === undefined) usedNames.delete(doc.uri);
  else usedNames.set(doc.uri, names);
  recheckEnvFilesOf(projectDirOf(doc.uri, path));
}

/** The open env files the project in `directory` reads are checked again (which of their variables are used changed). */
function recheckEnvFilesOf(directory: string): void {
  for (const path of environments().filesOf(directory)) {
    const doc = documents.get(pathToFileURL(path).href);
    if (doc) schedule(doc);
  }
}

let inlayRefresh: NodeJS.Timeout | undefined;
/** Asks the editor for inlay hints again, once the checks a change scheduled are due. */
function refreshInlayHints(delay = debounceMs ?? engine().DEFAULT_DEBOUNCE_MS): void {
  if (!canRefreshInlayHints) return;
  if (inlayRefresh) clearTimeout(inlayRefresh);
  inlayRefresh = setTimeout(() => {
    inlayRefresh = undefined;
    connection.languages.inlayHint.refresh().catch(() => undefined);
  }, delay);
}

/** Reads set members: an open editor buffer wins over the file on disk (unsaved edits count). */
const reader: FileReader = {
  refuses(path) {
    return untrustedPath(path) && !documents.get(pathToFileURL(path).href) ? 'the workspace is not trusted, and the file is outside its folders' : undefined;
  },
  siblings(path) {
    if (untrustedPath(path)) return [];
    try {
      return readdirSync(dirname(path), { withFileTypes: true })
        .filter((e) => e.isFile() && e.name !== basename(path))
        .map((e) => e.name);
    } catch {
      return [];
    }
  },
  read(path) {
    const open = documents.get(pathToFileURL(path).href);
    if (open) return open.getText();
    if (untrustedPath(path)) return undefined;
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > MAX_CHECK_CHARS) return undefined; // devices and FIFOs never end
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const exists = (path: string) => reader.read(path) !== undefined;

/**
 * The files checked together with `path`: a configured set, the set `COMPOSE_FILE` names in its folder's variables
 * (as `docker compose` reads it there), its base/override pair, or itself alone.
 */
function setPathsFor(path: string): string[] {
  const dir = dirname(path);
  const fromEnv = engine().composeFilesFrom(environments().of(dir), dir);
  return engine().setPathsFor(path, fromEnv ? [...composeFileSets, fromEnv] : composeFileSets, workspaceRoots[0], exists);
}

function validate(doc: TextDocument): void {
  const version = doc.version;
  if (doc.getText().length > MAX_CHECK_CHARS) {
    connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [tooLargeDiagnostic(MAX_CHECK_CHARS)] });
    return;
  }
  let ours = false;
  try {
    // Parsed first: a compose file that belongs to a set is checked once, in its set, not also alone.
    const parsed = service().parse(input(doc));
    ours = parsed.kind !== 'none';
    projectDirs.delete(doc.uri);
    if (parsed.kind === 'compose') composeVariablesChanged(doc);
    if (parsed.kind === 'compose' && localPath(doc.uri)) {
      // A file included, extended or overridden by an open document is checked as part of that document's set.
      const otherOwners = fileSets().openOwnersOf(doc.uri);
      if (otherOwners.length) {
        for (const owner of otherOwners) validate(documents.get(owner)!);
        return;
      }
      const path = localPath(doc.uri);
      if (path && engine().needsSet(parsed.root, setPathsFor(path), engine().partnersOf(path, reader).length > 0)) {
        validateSet(doc);
        return;
      }
    }
    const context = contextFor(doc, parsed.kind);
    lastContexts.set(doc.uri, context);
    const { result } = service().diagnose(input(doc), context);
    statuses.set(doc.uri, engine().documentStatus(result));
    // It may have been checked in a set before (its override or include is gone): the members hear no more from it.
    apply(fileSets().checkedAlone(doc.uri));
    connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: result.findings.map((f) => toDiagnostic(doc.uri, f)) });
  } catch (error) {
    connection.console.error(`winnet: checking ${doc.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    if (ours) afterFirstCheck();
  }
}

/** The local file path of a URI, or undefined (untitled documents, file://host/... URIs Node cannot map). */
function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Checks the compose file set a document belongs to and publishes diagnostics to every member file, open or
 * not (an included template shows its findings in the Problems panel too).
 */
function validateSet(doc: TextDocument): void {
  const path = localPath(doc.uri)!;
  const paths = setPathsFor(path);
  const { set, results } = service().diagnoseSet(paths, reader, environments().of(dirname(paths[0])));
  const findings = new Map<string, Finding[]>();
  const memberUris = set.members.map((m) => pathToFileURL(m.path).href);
  for (const [memberPath, result] of results) {
    const uri = pathToFileURL(memberPath).href;
    findings.set(uri, result.findings);
    const open = documents.get(uri);
    if (open) statuses.set(uri, engine().documentStatus(result, memberUris));
    connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics: result.findings.map((f) => toDiagnostic(uri, f)) });
  }
  apply(fileSets().checkedInSet(doc.uri, set, findings));
}

function schedule(doc: TextDocument, delay = debounceMs ?? engine().DEFAULT_DEBOUNCE_MS): void {
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
    // The workspace's settings, then each folder's (which may set its own target, version or rules).
    const [raw, ...folders] = (await connection.workspace.getConfiguration([
      { section: 'winnet' },
      ...workspaceFolders.map((f) => ({ section: 'winnet', scopeUri: f.uri })),
    ])) as (Record<string, unknown> | null)[];
    applySettings(raw ?? {}, folders);
  } catch (error) {
    connection.console.error(`winnet: reading settings failed: ${String(error)}`);
  }
}

/** `folders`: each workspace folder's settings, in `workspaceFolders` order, when the client gives them. */
function applySettings(raw: Record<string, unknown>, folders: readonly (Record<string, unknown> | null | undefined)[] = []): void {
  const next = engine().settingsFrom(raw);
  debounceMs = next.debounceMs;
  composeFileSets = next.composeFileSets;
  variableSettings = next.variables;
  const sources = environmentSources();
  environments().configure(sources);
  // compose stops on an `--env-file` it cannot read; the editor goes on without it, and says so where users look.
  for (const path of sources.envFiles)
    if (readEnvFile(path) === undefined)
      connection.console.warn(
        `winnet: winnet.envFiles: ${path} is not read (it does not exist, or the workspace is not trusted and it is outside its folders).`,
      );
  projectDirs.clear();
  service().configureFolders(
    next.settings,
    workspaceFolders.flatMap((f, i) => (folders[i] ? [{ path: f.path, settings: engine().settingsFrom(folders[i]).settings }] : [])),
  );
  for (const doc of documents.all()) schedule(doc, 0);
  refreshInlayHints(0);
}

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  workspaceFolders = (params.workspaceFolders ?? []).flatMap((f) => {
    const path = localPath(f.uri);
    return path ? [{ uri: f.uri, path }] : [];
  });
  workspaceRoots = workspaceFolders.map((f) => f.path);
  if (!workspaceRoots.length && params.rootUri) workspaceRoots = [localPath(params.rootUri) ?? []].flat();
  const initial = params.initializationOptions as
    | { settings?: Record<string, unknown>; workspaceTrusted?: unknown; codeCacheDir?: unknown; linkLineFragments?: unknown }
    | undefined;
  workspaceTrusted = initial?.workspaceTrusted !== false;
  docsPages = new DocsPages(join(__dirname, '..', 'docs'), initial?.linkLineFragments === true);
  codeCache ??= new CodeCache(codeCacheDir(process.env, initial?.codeCacheDir));
  if (initial?.settings) applySettings(initial.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      inlayHintProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [':', ' ', '"', '.'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.winnet`], resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'winnet', version },
  };
});

connection.onInitialized(() => {
  // The engine loads now, while the client sends its settings and first documents.
  service();
  void loadSettings();
  // Set members and env files are read from disk when they are not open: watch them, so that a change there (a git
  // checkout, another editor, a new override file, a new `.env`) re-checks the open files that read them.
  if (canWatchFiles)
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yml,yaml}' }, { globPattern: '**/{.env,*.env}' }] })
      .catch(() => undefined);
});

/**
 * A YAML file changed, appeared or was deleted on disk. The open compose documents that read it for their set
 * (an include, an extends file, an override) are checked again, and so are those in its folder, where a new
 * or deleted `.override` file or base changes which files make up the set, and the open env files there, whose
 * unused variables it may change. An env file changed: the documents of the projects that read it are checked
 * again. An open file's changes come through didChange instead: the editor's buffer wins over the disk.
 */
connection.onDidChangeWatchedFiles(({ changes }) => {
  const affected = new Set<string>();
  projectDirs.clear();
  for (const { uri } of changes) {
    if (documents.get(uri)) continue;
    for (const owner of fileSets().ownersOf(uri)) affected.add(owner);
    const path = localPath(uri);
    if (!path) continue;
    if (engine().isEnvFileName(path)) {
      envFileChanged(path, 0);
      continue;
    }
    recheckEnvFilesOf(dirname(path));
    for (const doc of documents.all()) {
      const open = localPath(doc.uri);
      if (open && dirname(open) === dirname(path)) affected.add(doc.uri);
    }
  }
  for (const uri of affected) {
    const doc = documents.get(uri);
    if (doc) schedule(doc, 0);
  }
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void loadSettings();
  else applySettings(((change.settings as Record<string, unknown> | null)?.winnet as Record<string, unknown>) ?? {});
});

/** An open env file is read from its buffer, a closed one from the disk: both change what its projects read. */
function envFileOpenedOrClosed(doc: TextDocument): void {
  const path = localPath(doc.uri);
  if (path) envFileChanged(path, 0);
}

documents.onDidOpen((e) => {
  schedule(e.document, 0);
  envFileOpenedOrClosed(e.document);
});
documents.onDidChangeContent((e) => {
  schedule(e.document);
  // Editing an included or overriding file changes what the files that include it are checked against.
  for (const owner of fileSets().openOwnersOf(e.document.uri)) schedule(documents.get(owner)!);
  // Editing an env file changes the variables of the compose files of its project.
  const path = localPath(e.document.uri);
  if (path) envFileChanged(path);
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  const pending = timers.get(uri);
  if (pending) clearTimeout(pending);
  timers.delete(uri);
  if (usedNames.has(uri)) composeVariablesChanged(e.document, true);
  projectDirs.delete(uri);
  lastContexts.delete(uri);
  statuses.delete(uri);
  service().forget(uri);
  apply(fileSets().closed(uri));
  envFileOpenedOrClosed(e.document);
});

connection.onHover(
  guarded('hover', null, (doc, params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
    const hover = service().hover(input(doc), doc.offsetAt(params.position), fileSets().setOf(doc.uri), envFor(doc));
    return hover ? toHover(hover, doc) : null;
  }),
);

/** ` = value` after each `${...}` whose value is known (service/variable-hints.ts), unless `winnet.inlayHints.variables` is off. */
connection.languages.inlayHint.on(
  guarded(
    'inlay hints',
    [],
    (doc, params: { textDocument: { uri: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
      const env = variableSettings.inlayHints ? envFor(doc) : undefined;
      if (!env) return [];
      const range = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
      return service()
        .inlayHints(input(doc), range, env, fileSets().setOf(doc.uri))
        .map((hint) => toInlayHint(hint, doc));
    },
  ),
);

connection.onCompletion(
  guarded('completion', [], (doc, params: { textDocument: { uri: string }; position: { line: number; character: number } }) =>
    service()
      .complete(input(doc), doc.offsetAt(params.position))
      .map((item) => toCompletion(item, doc)),
  ),
);

connection.onCodeAction(
  guarded(
    'code actions',
    [] as LspCodeAction[],
    (
      doc,
      params: {
        textDocument: { uri: string };
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
        context: { only?: string[] };
      },
    ) => {
      const only = params.context.only;
      const wantsFixAll =
        !only || only.some((k) => k === CodeActionKind.SourceFixAll || k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
      const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix);
      const span = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
      const actions: LspCodeAction[] = [];
      const setFindings = fileSets().findingsInSet(doc.uri);
      if (wantsQuickFix)
        actions.push(
          ...service()
            .codeActions(input(doc), span, setFindings, lastContexts.get(doc.uri))
            .map((a) => toCodeAction(a, doc)),
        );
      if (wantsFixAll) {
        const all = service().fixAll(input(doc), setFindings, lastContexts.get(doc.uri));
        if (all) actions.push(toCodeAction(all, doc));
      }
      return actions;
    },
  ),
);

connection.onDefinition(
  guarded(
    'definition',
    [] as { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[],
    (doc, params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
      const set = fileSets().setOf(doc.uri);
      const own = localPath(doc.uri) ?? doc.uri;
      return service()
        .definition(input(doc), doc.offsetAt(params.position), set, envFor(doc))
        .map((loc) => {
          // An env file line, placed by the env file's own text.
          if (loc.range && loc.path !== own) return { uri: pathToFileURL(loc.path).href, range: loc.range };
          if (loc.path === own || !set) return { uri: doc.uri, range: { start: doc.positionAt(loc.span.start), end: doc.positionAt(loc.span.end) } };
          const member = set.members.find((m) => m.path === loc.path)!;
          return { uri: pathToFileURL(loc.path).href, range: member.doc.lines.rangeOf(loc.span) };
        });
    },
  ),
);

/**
 * Links to the packaged docs pages (service/document-links.ts): a Windows driver, a driver option, a rule id in a
 * suppression comment. Drivers Linux has too are linked in files last checked as Windows.
 */
connection.onDocumentLinks(
  guarded(
    'document links',
    [] as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; target: string; tooltip: string }[],
    (doc) => {
      const status = statuses.get(doc.uri);
      const windows = status?.target === 'windows' || (status !== undefined && status.kind !== 'compose' && status.kind !== 'none');
      return engine()
        .documentLinks(service().parse(input(doc)), { windows })
        .map((link) => ({
          range: { start: doc.positionAt(link.span.start), end: doc.positionAt(link.span.end) },
          target: docsPages.url(link.page, link.anchor),
          tooltip: link.tooltip,
        }));
    },
  ),
);

/**
 * `winnet/documentStatus` {uri} → what the last check of an open document decided: its kind, the target and Windows
 * version it was judged against and why, the files of its set (service/document-status.ts). Null for a document the
 * server has not checked yet (or does not have open).
 */
connection.onRequest('winnet/documentStatus', (params: unknown): DocumentStatus | null => {
  const uri = (params as { uri?: unknown } | null)?.uri;
  return typeof uri === 'string' ? (statuses.get(uri) ?? null) : null;
});

/**
 * `winnet/explain` {text} → {markdown, matches}: the likely causes of a pasted Docker, compose or HNS error (or a
 * rule's page for a rule id). A failure is logged and answered with no explanation, never an error.
 */
connection.onRequest('winnet/explain', (params: unknown) => {
  try {
    return engine().explainRequest(params, docsBaseUrl);
  } catch (error) {
    connection.console.error(`winnet: explain failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { markdown: '', matches: [] };
  }
});

process.on('uncaughtException', (error) => connection.console.error(`winnet: unexpected error: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
