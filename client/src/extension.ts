/**
 * The VS Code client: starts the winnet language server over Node IPC for compose and JSON documents and env files
 * (the server decides by name and content and stays silent on files that are not ours), forwards `winnet.*`
 * settings, and adds commands. It runs no workspace code and fetches nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/**
 * Compose files are `yaml` in plain VS Code and Red Hat YAML, `dockercompose` with Docker DX / Container Tools. Env
 * files (`.env`, `prod.env`) are `dotenv` with a dotenv extension, else `plaintext` or `properties`: they are
 * selected by name, whatever their language (the server checks them with compose's env file grammar, and reads them
 * for the variables of the compose files beside them).
 */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', pattern: '**/.env' },
  { scheme: 'file', pattern: '**/*.env' },
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

/** Explanations are read-only documents of this scheme, shown in the Markdown preview. */
const EXPLAIN_SCHEME = 'winnet-explain';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, codeCacheDir: path.join(context.globalStorageUri.fsPath, 'v8-cache') }),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      workspace: {
        // `winnet.schemaValidation: auto` means: validate compose files against the compose schema unless the
        // Red Hat YAML extension already does, so the same schema error never shows twice. Only the client
        // can see which extensions are installed, so it resolves `auto` before the server reads the setting.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          const redHatYaml = vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined;
          return result.map((value, i) => {
            if (params.items[i]?.section !== 'winnet' || !value || typeof value !== 'object') return value;
            const settings = value as Record<string, unknown>;
            if (settings.schemaValidation !== 'auto' && settings.schemaValidation !== undefined) return settings;
            return { ...settings, schemaValidation: redHatYaml ? 'off' : 'on' };
          });
        },
      },
    },
    // The server restarts after a crash and the client re-sends every open document (the library's default
    // error handler allows 4 restarts in 3 minutes).
  };
  client = new LanguageClient('winnet', 'winnet', serverOptions, clientOptions);

  const explanations = new Map<string, string>();
  let explained = 0;

  context.subscriptions.push(
    output,
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.restart();
    }),
    vscode.commands.registerCommand('winnet.restartServer', async () => {
      await client?.restart();
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
      if (!text?.trim() || !client) return undefined;
      const answer = await client.sendRequest<ExplainAnswer>('winnet/explain', { text });
      const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${answer.rule ?? 'explanation'}-${++explained}.md` });
      explanations.set(uri.toString(), answer.markdown);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return { ...answer, uri: uri.toString() };
    }),
    vscode.commands.registerCommand('winnet.checkWorkspace', async () => {
      // Opening a document sends it to the server, whose diagnostics then show in the Problems panel.
      const files = await vscode.workspace.findFiles(WORKSPACE_GLOB, '**/node_modules/**', 500);
      await Promise.all(files.map((uri) => vscode.workspace.openTextDocument(uri)));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(`winnet checked ${files.length} file${files.length === 1 ? '' : 's'}.`);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
