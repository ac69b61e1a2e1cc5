/**
 * The dummy language server: a key named `badKey` in a YAML or JSON document is an error (source `dummy`,
 * code `DUMMY001`) with a hover and a quick fix that renames it to `goodKey`. It speaks LSP over Node IPC
 * (the VS Code client) or `--stdio` (Neovim), like winnet's dist/server.js, so every harness helper has a
 * known answer to check.
 */
import {
  CodeActionKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DUMMY_CODE, DUMMY_SOURCE, FIX_TITLE, GOOD_KEY, HOVER_TEXT, badKeyRanges, diagnosticsFor } from './logic';

function contains(range: Range, line: number, character: number): boolean {
  return range.start.line === line && range.start.character <= character && character <= range.end.character;
}

function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'winnet-e2e-dummy', version: '0.0.1' },
  }));

  const publish = (document: TextDocument): void => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnosticsFor(document.getText()) });
  };
  documents.onDidOpen((event) => publish(event.document));
  documents.onDidChangeContent((event) => publish(event.document));
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const range = badKeyRanges(document.getText()).find((r) => contains(r, position.line, position.character));
    return range ? { contents: { kind: 'markdown', value: HOVER_TEXT }, range } : null;
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const actions: CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DUMMY_SOURCE || diagnostic.code !== DUMMY_CODE) continue;
      actions.push({
        title: FIX_TITLE,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: [diagnostic],
        edit: { changes: { [textDocument.uri]: [{ range: diagnostic.range, newText: GOOD_KEY }] } },
      });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

main();
