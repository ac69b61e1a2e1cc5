/**
 * "winnet: Set Target or Windows Version for This Folder": a quick pick of `winnet.target` and
 * `winnet.windowsVersion` values, written to the settings of the workspace folder of a document (both are
 * `resource` settings: each folder of a multi-root workspace may have its own, and the server checks each document
 * with its folder's). The values and their descriptions come from the extension's own manifest, so the pick can
 * never offer what the settings do not accept.
 */
import * as vscode from 'vscode';

type Key = 'target' | 'windowsVersion';

interface Choice extends vscode.QuickPickItem {
  key?: Key;
  value?: string;
}

interface SettingSchema {
  enum?: string[];
  markdownEnumDescriptions?: string[];
}

const TITLES: Record<Key, string> = { target: 'Target (winnet.target)', windowsVersion: 'Windows version (winnet.windowsVersion)' };

/** Where a setting for `uri` goes: its workspace folder, else the workspace, else the user's settings. */
function scopeOf(uri: vscode.Uri | undefined): { folder?: vscode.WorkspaceFolder; target: vscode.ConfigurationTarget; where: string } {
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return { folder, target: vscode.ConfigurationTarget.WorkspaceFolder, where: `folder ${folder.name}` };
  if (vscode.workspace.workspaceFolders?.length) return { target: vscode.ConfigurationTarget.Workspace, where: 'the workspace' };
  return { target: vscode.ConfigurationTarget.Global, where: 'your user settings' };
}

/** A manifest description (Markdown) as the plain text a quick pick shows. */
function plain(markdown: string | undefined): string {
  return (markdown ?? '').replace(/`/g, '');
}

/**
 * Shows the pick and writes the chosen value. `uri`: the document whose folder is set (default: the active
 * editor's); `only`: offer one of the two settings. Returns what was written, or undefined when nothing was picked.
 */
export async function configureFolder(
  manifest: { contributes?: { configuration?: { properties?: Record<string, SettingSchema> } } },
  uri?: vscode.Uri,
  only?: Key,
): Promise<{ key: Key; value: string; target: vscode.ConfigurationTarget } | undefined> {
  const resource = uri ?? vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const scope = scopeOf(resource);
  const config = vscode.workspace.getConfiguration('winnet', scope.folder?.uri ?? resource);
  const items: Choice[] = [];
  for (const key of only ? [only] : (['target', 'windowsVersion'] as const)) {
    const schema = manifest.contributes?.configuration?.properties?.[`winnet.${key}`];
    const current = config.get<string>(key, 'auto');
    items.push({ label: TITLES[key], kind: vscode.QuickPickItemKind.Separator });
    (schema?.enum ?? []).forEach((value, i) => {
      items.push({
        key,
        value,
        label: `${value === current ? '$(check) ' : ''}${value}`,
        description: value === current ? 'current' : undefined,
        detail: plain(schema?.markdownEnumDescriptions?.[i]),
      });
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `winnet: set for ${scope.where}`,
    placeHolder: only === 'windowsVersion' ? 'The Windows version your container hosts run' : 'What winnet checks this folder as',
    matchOnDetail: true,
  });
  if (!picked?.key || picked.value === undefined) return undefined;
  await config.update(picked.key, picked.value, scope.target);
  return { key: picked.key, value: picked.value, target: scope.target };
}
