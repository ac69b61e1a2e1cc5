/**
 * The dummy extension's client: starts dist/server.js over Node IPC for YAML, compose and JSON files, as winnet's
 * client does for its server.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = { module, transport: TransportKind.ipc };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // VS Code 1.8x+ gives compose.yaml / docker-compose.yml the language id `dockercompose`, not `yaml`.
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
  };
  client = new LanguageClient('winnetE2eDummy', 'winnet e2e dummy', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
