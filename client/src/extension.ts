/**
 * The VS Code client: starts the winnet language server over Node IPC for compose and JSON documents and env files
 * (the server decides by name and content and stays silent on files that are not ours), forwards `winnet.*`
 * settings, and adds commands, a language status item and document links. It runs no workspace code and fetches
 * nothing.
 *
 * The server (a Node process of about 70 MB) starts only when there is work for it: on the first document that may
 * be ours (ours.ts sniffs names and the start of the text), or on a command that needs it. Activation alone, on
 * any YAML or JSON file, costs the extension host this module and nothing more.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { DocumentStatus } from '../../server/src/service/document-status';
import { configureFolder } from './configure-folder';
import { LanguageStatus } from './language-status';
import { mayBeOurs, SNIFF_CHARS } from './ours';
import { openRulePage } from './rule-pages';
import { decideSchemaValidation, type SchemaValidationDecision, type YamlEditors } from './schema-validation';

let client: LanguageClient | undefined;
/** Set once the server is asked to start; a settled promise after that. */
let started: Promise<void> | undefined;

/**
 * Compose files are `yaml` in plain VS Code and Red Hat YAML, `dockercompose` with Docker DX / Container Tools. Env
 * files (`.env`, `prod.env`) are `dotenv` with a dotenv extension, else `plaintext` or `properties`: they are
 * selected by name, whatever their language (the server checks them with compose's env file grammar, and reads them
 * for the variables of the compose files beside them). CNI config lists (`*.conflist`) are plain text to VS Code.
 */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', pattern: '**/.env' },
  { scheme: 'file', pattern: '**/*.env' },
  { scheme: 'file', pattern: '**/*.conflist' },
  // Docker commands in scripts, CI files and Markdown (server/src/scripts/): the server starts for one only when it
  // runs docker (ours.ts), and finds no finding in a file without a docker command it reads.
  { scheme: 'file', language: 'powershell' },
  { scheme: 'file', language: 'bat' },
  { scheme: 'file', language: 'shellscript' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'github-actions-workflow' },
  { scheme: 'file', language: 'azure-pipelines' },
  { scheme: 'untitled', language: 'dockercompose' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
];

const WORKSPACE_GLOB = '**/{compose*.y*ml,docker-compose*.y*ml,*.hns.json,*.hcn.json,*.conflist}';

/** The answer of the server's `winnet/explain` request (server/src/lsp/explain-request.ts). */
interface ExplainAnswer {
  markdown: string;
  matches: { kind: 'rule' | 'cause'; id: string; title: string; score: number }[];
  rule?: string;
}

/** What the extension returns from `activate`: for tests and other extensions. */
export interface WinnetApi {
  /** Whether the language server was started (it starts on the first document that may be ours, or a command). */
  serverStarted(): boolean;
  /** What `winnet.schemaValidation: auto` means now, and why (schema-validation.ts). */
  schemaValidation(): SchemaValidationDecision;
  /** What the language status item shows for the active editor. */
  languageStatus(): { text: string; detail: string; busy: boolean; uri?: string };
  /** The server's `winnet/documentStatus` answer for a document; undefined when no server runs. */
  documentStatus(uri: vscode.Uri): Promise<DocumentStatus | null | undefined>;
}

/** Explanations are read-only documents of this scheme, shown in the Markdown preview. */
const EXPLAIN_SCHEME = 'winnet-explain';

/** Which YAML editors are installed, and the settings that change what Red Hat YAML validates. */
function yamlEditors(): YamlEditors {
  const redHat = vscode.extensions.getExtension('redhat.vscode-yaml');
  const docker = vscode.extensions.getExtension('docker.docker');
  const config = vscode.workspace.getConfiguration();
  return {
    redHatYaml: redHat && {
      version: (redHat.packageJSON as { version?: unknown }).version,
      validate: config.get('yaml.validate'),
      schemaStore: config.get('yaml.schemaStore.enable'),
      disableSchemaDetection: config.get('yaml.disableSchemaDetection'),
    },
    dockerDx: docker && { composeLanguageServer: config.get('docker.extension.enableComposeLanguageServer') },
  };
}

/** The settings whose change may change what `winnet.schemaValidation: auto` means. */
const COEXISTENCE_SETTINGS = ['docker.extension.enableComposeLanguageServer', 'yaml.validate', 'yaml.schemaStore.enable', 'yaml.disableSchemaDetection'];

export async function activate(context: vscode.ExtensionContext): Promise<WinnetApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const output = vscode.window.createOutputChannel('winnet', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'winnet' },
    outputChannel: output,
    // In an untrusted workspace the server reads no file outside the workspace folders that a compose file names
    // (`include`, `extends.file`); granting trust restarts it, reading them again.
    // The server keeps V8's code cache of its bundles in the extension's storage folder (server/src/code-cache.ts).
    // VS Code opens `#L<line>` fragments of the docs pages' file URLs at that line (server/src/lsp/docs-pages.ts).
    initializationOptions: () => ({
      workspaceTrusted: vscode.workspace.isTrusted,
      codeCacheDir: path.join(context.globalStorageUri.fsPath, 'v8-cache'),
      linkLineFragments: true,
    }),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      workspace: {
        // `winnet.schemaValidation: auto` is resolved here, where the installed extensions can be seen, before the
        // server reads the setting (schema-validation.ts). The server asks per workspace folder too.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          const editors = yamlEditors();
          return result.map((value, i) => {
            if (params.items[i]?.section !== 'winnet' || !value || typeof value !== 'object') return value;
            const settings = value as Record<string, unknown>;
            return { ...settings, schemaValidation: decideSchemaValidation(settings.schemaValidation, editors).value };
          });
        },
      },
    },
    // The server restarts after a crash and the client re-sends every open document (the library's default
    // error handler allows 4 restarts in 3 minutes).
  };
  client = new LanguageClient('winnet', 'winnet', serverOptions, clientOptions);
  const languageClient = client;

  const running = () => started !== undefined && languageClient.isRunning();
  const status = new LanguageStatus(DOCUMENT_SELECTOR, (uri) =>
    running()
      ? languageClient.sendRequest<DocumentStatus | null>('winnet/documentStatus', { uri: languageClient.code2ProtocolConverter.asUri(uri) })
      : undefined,
  );

  /** Starts the server once; every open document in the selector is sent to it as it starts. */
  const ensureStarted = (why: string): Promise<void> => {
    if (!started) {
      output.info(`starting the language server: ${why}`);
      started = languageClient.start().then(
        () => status.refresh(0),
        (error: unknown) => output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return started;
  };

  /** Whether a document that may be ours was opened: the walkthrough's "open a file" step is then done. */
  let openedOurs = false;
  /** Starts the server when `document` may be ours (ours.ts). */
  const consider = (document: vscode.TextDocument): void => {
    if (openedOurs || vscode.languages.match(DOCUMENT_SELECTOR, document) === 0) return;
    const end = document.positionAt(SNIFF_CHARS + 1);
    const sniffed = {
      path: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path,
      languageId: document.languageId,
      text: document.getText(new vscode.Range(new vscode.Position(0, 0), end)),
      length: document.offsetAt(document.lineAt(document.lineCount - 1).range.end),
    };
    if (!mayBeOurs(sniffed)) return;
    openedOurs = true;
    watchers.dispose();
    void vscode.commands.executeCommand('setContext', 'winnet.openedCheckedFile', true);
    void ensureStarted(`${vscode.workspace.asRelativePath(document.uri)} may be a compose, env, HNS or CNI file`);
  };
  // Until a document that may be ours is open: every document opened, and every edit (an empty `.yaml` becomes a
  // compose file as it is typed).
  const watchers = vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeTextDocument((e) => consider(e.document)),
  );

  /** What `auto` meant when the server last read its settings: a change makes it read them again. */
  let schemaDecision = decideSchemaValidation('auto', yamlEditors());
  output.info(`winnet.schemaValidation ${schemaDecision.reason}`);
  const redecideSchemaValidation = () => {
    const next = decideSchemaValidation('auto', yamlEditors());
    if (next.value === schemaDecision.value) return;
    schemaDecision = next;
    output.info(`winnet.schemaValidation ${next.reason}`);
    // The server pulls `winnet` again on this notification, through the middleware above.
    if (running()) void languageClient.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  const explanations = new Map<string, string>();
  let explained = 0;

  context.subscriptions.push(
    output,
    watchers,
    status,
    vscode.extensions.onDidChange(redecideSchemaValidation),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (COEXISTENCE_SETTINGS.some((s) => e.affectsConfiguration(s))) redecideSchemaValidation();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (started) void languageClient.restart();
    }),
    vscode.commands.registerCommand('winnet.restartServer', async () => {
      if (started) await languageClient.restart();
      else await ensureStarted('Restart Server');
    }),
    vscode.commands.registerCommand('winnet.showOutput', () => output.show(true)),
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, { provideTextDocumentContent: (uri) => explanations.get(uri.toString()) ?? '' }),
    /**
     * "winnet: Explain a Docker or HNS error": the text from an input box (prefilled with the editor's selection) or
     * from the caller, explained by the server, shown as a read-only Markdown preview. Returns the answer and the
     * document's URI (for tests and other extensions).
     */
    vscode.commands.registerCommand('winnet.explainError', async (given?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
      const text =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: 'winnet: Explain a Docker or HNS error',
              prompt: 'Paste the error Docker, compose or HNS printed (a whole line, or the end of the log), or a winnet rule id.',
              placeHolder: 'HNS failed with error : The object already exists',
              value: selection.replace(/\s+/g, ' ').trim(),
              ignoreFocusOut: true,
            });
      if (!text?.trim()) return undefined;
      await ensureStarted('Explain a Docker or HNS error');
      const answer = await languageClient.sendRequest<ExplainAnswer>('winnet/explain', { text });
      const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${answer.rule ?? 'explanation'}-${++explained}.md` });
      explanations.set(uri.toString(), answer.markdown);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return { ...answer, uri: uri.toString() };
    }),
    vscode.commands.registerCommand('winnet.checkWorkspace', async () => {
      await ensureStarted('Check Workspace');
      // Opening a document sends it to the server, whose diagnostics then show in the Problems panel.
      const files = await vscode.workspace.findFiles(WORKSPACE_GLOB, '**/node_modules/**', 500);
      await Promise.all(files.map((uri) => vscode.workspace.openTextDocument(uri)));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(`winnet checked ${files.length} file${files.length === 1 ? '' : 's'}.`);
    }),
    vscode.commands.registerCommand('winnet.configureFolder', (uri?: unknown, only?: unknown) =>
      configureFolder(
        context.extension.packageJSON,
        uri instanceof vscode.Uri ? uri : undefined,
        only === 'target' || only === 'windowsVersion' ? only : undefined,
      ),
    ),
    vscode.commands.registerCommand('winnet.openRulePage', (id?: unknown) => openRulePage(context.extensionUri, typeof id === 'string' ? id : undefined)),
  );

  for (const document of vscode.workspace.textDocuments) consider(document);

  return {
    serverStarted: () => started !== undefined,
    schemaValidation: () => decideSchemaValidation('auto', yamlEditors()),
    languageStatus: () => status.current,
    documentStatus: async (uri) =>
      running()
        ? languageClient.sendRequest<DocumentStatus | null>('winnet/documentStatus', { uri: languageClient.code2ProtocolConverter.asUri(uri) })
        : undefined,
  };
}

export async function deactivate(): Promise<void> {
  if (started) await client?.stop().catch(() => undefined);
  client = undefined;
  started = undefined;
}
