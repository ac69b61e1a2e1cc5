/**
 * winnet's language status item (the `{}` entry of the status bar for the active editor): what the last check of
 * the active document decided — compose or HNS, Windows or Linux, which Windows version — and why, with a command
 * to change the target or the Windows version for the document's folder. The server answers from its last check
 * (`winnet/documentStatus`); the item asks again when the editor changes and when the document's diagnostics do
 * (every check publishes them).
 */
import * as vscode from 'vscode';
import type { DocumentStatus } from '../../server/src/service/document-status';
import { statusText, type StatusText } from './status-text';

/** Asks the server; undefined when no server runs (nothing in the workspace was ours yet). */
export type StatusSource = (uri: vscode.Uri) => Promise<DocumentStatus | null> | undefined;

export class LanguageStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private shown: StatusText & { uri?: string } = { text: '', detail: '', configurable: false };
  private generation = 0;
  private retries = 0;

  constructor(
    selector: vscode.DocumentSelector,
    private readonly source: StatusSource,
  ) {
    this.item = vscode.languages.createLanguageStatusItem('winnet.status', selector);
    this.item.name = 'winnet';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
    );
    this.refresh();
  }

  /** What the item shows now (for tests and the extension's API). */
  get current(): Readonly<StatusText & { uri?: string; busy: boolean }> {
    return { ...this.shown, busy: this.item.busy };
  }

  /** Asks the server again for the active document, soon (several triggers in a row ask once). */
  refresh(delayMs = 50): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    if (document.uri.toString() !== this.shown.uri) this.retries = 0;
    const generation = ++this.generation;
    const pending = this.source(document.uri);
    let status: DocumentStatus | null | undefined;
    if (pending) {
      this.item.busy = true;
      status = await pending.catch(() => null);
    }
    // A newer update started meanwhile (the editor changed): it shows its own answer.
    if (generation !== this.generation) return;
    this.item.busy = false;
    const shown = statusText(status, { serverRunning: pending !== undefined, fileName: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)) });
    this.shown = { ...shown, uri: document.uri.toString() };
    this.item.text = shown.text;
    this.item.detail = shown.detail;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.accessibilityInformation = { label: [shown.text, shown.detail].filter(Boolean).join('. ') };
    this.item.command = shown.configurable
      ? {
          title: 'Change…',
          command: 'winnet.configureFolder',
          arguments: [document.uri],
          tooltip: 'Set winnet.target or winnet.windowsVersion for the folder of this file',
        }
      : undefined;
    // No answer yet, but a server that runs: its check is on the way. Its diagnostics ask again; so does a timer, in
    // case they do not change (a file that is not ours has none before and after).
    if (!status && pending) {
      this.item.busy = true;
      if (this.retries++ < 20) this.refresh(250);
    } else this.retries = 0;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
