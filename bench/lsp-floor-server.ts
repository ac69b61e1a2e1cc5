/**
 * The start-up floor of any server built on vscode-languageserver, as winnet is: this one only answers
 * `initialize` with the capabilities winnet announces. bench/run.ts bundles it like dist/server.js and times its
 * spawn → initialize response next to winnet's.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: { triggerCharacters: [':', ' '] }, codeActionProvider: true, definitionProvider: true } }));
documents.listen(connection);
connection.listen();
