/**
 * The floor of any server built on vscode-languageserver, as winnet is. bench/run.ts bundles it like
 * dist/server.js and times it next to winnet:
 * - spawn → initialize response: it only answers `initialize` with the capabilities winnet announces;
 * - didOpen → diagnostics: it loads the text with js-yaml (required after `initialize`, as winnet loads its
 *   engine) and publishes no diagnostics. That is reading the message, the document store, the bare js-yaml load
 *   in a fresh process, and the answer: what any JavaScript server that parses the file pays before it checks
 *   anything.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let jsyaml: typeof import('js-yaml') | undefined;
connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    completionProvider: { triggerCharacters: [':', ' '] },
    codeActionProvider: true,
    definitionProvider: true,
  },
}));
connection.onInitialized(() => {
  jsyaml = require('js-yaml') as typeof import('js-yaml');
});
documents.onDidOpen(({ document }) => {
  (jsyaml ??= require('js-yaml') as typeof import('js-yaml')).load(document.getText());
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
