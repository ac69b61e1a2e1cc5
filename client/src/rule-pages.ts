/**
 * "winnet: Open a Rule's Page": the page of a rule from the docs the extension ships (`docs/rules/<id>.md`, written by
 * `npm run docs`), in the Markdown preview, offline. Without an id, a quick pick of every rule, read from the rules'
 * index page (`docs/rules/README.md`), so the list is the one the docs have.
 */
import * as vscode from 'vscode';
import { parseRuleIndex } from './rule-index';

/** Opens the page of rule `id` (or of the rule picked); returns the id shown, or undefined. */
export async function openRulePage(extensionUri: vscode.Uri, id?: string): Promise<string | undefined> {
  const rulesDir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  let chosen = typeof id === 'string' && /^[a-z0-9-]+$/.test(id) ? id : undefined;
  if (!chosen) {
    const index = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(rulesDir, 'README.md')));
    const picked = await vscode.window.showQuickPick(
      parseRuleIndex(index).map((r) => ({ label: r.id, description: r.severity, detail: r.title })),
      { title: "winnet: Open a Rule's Page", placeHolder: 'A rule id or what it reports', matchOnDetail: true },
    );
    chosen = picked?.label;
  }
  if (!chosen) return undefined;
  const page = vscode.Uri.joinPath(rulesDir, `${chosen}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showWarningMessage(`winnet has no rule \`${chosen}\`.`);
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return chosen;
}
