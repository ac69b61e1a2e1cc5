/**
 * Settings per workspace folder. `winnet.target`, `winnet.windowsVersion`, `winnet.rules` and
 * `winnet.schemaValidation` may differ between the folders of a multi-root workspace (a Windows project beside a
 * Linux one); a language service checks with one set of settings, so this keeps one service per distinct set and
 * sends each document to the service of the folder it is in (the innermost, when folders nest). Folders whose
 * settings are the workspace's share its service, so a single-folder workspace has exactly one.
 *
 * Pure routing over the language service's own interface; `pathOf` turns a document URI into a local path (the
 * language server's URI handling), untitled documents have none and get the workspace's settings.
 */
import type { SeveritySetting } from '../rules/types';
import { createLanguageService, type LanguageService, type LanguageServiceOptions, type Settings } from './language-service';

export interface FolderSettings {
  /** The folder's local path. */
  path: string;
  settings: Settings;
}

export interface FolderLanguageService extends LanguageService {
  /** `settings`: the workspace's, for documents in no folder listed; `folders`: each folder's own (resource-scoped) settings. */
  configureFolders(settings: Settings, folders: readonly FolderSettings[]): void;
}

/** Settings that check alike give the same key (the order rules were written in does not matter). */
function keyOf(settings: Settings): string {
  const rules = Object.entries(settings.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, SeveritySetting][];
  return JSON.stringify([settings.target ?? 'auto', settings.windowsVersion ?? 'auto', rules]);
}

/** `path` is `folder` or inside it (either separator: the server runs on Windows and Linux). */
function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  const base = /[\\/]$/.test(folder) ? folder : `${folder}/`;
  return path.replace(/\\/g, '/').startsWith(base.replace(/\\/g, '/'));
}

export function createFolderLanguageService(options: LanguageServiceOptions, pathOf: (uri: string) => string | undefined): FolderLanguageService {
  let services = new Map<string, LanguageService>();
  let workspace = createLanguageService(options);
  services.set(keyOf({}), workspace);
  /** Innermost first, so a nested folder wins over the folder around it. */
  let folders: { path: string; service: LanguageService }[] = [];

  const ofPath = (path: string | undefined): LanguageService => {
    if (path === undefined) return workspace;
    return folders.find((f) => isInside(path, f.path))?.service ?? workspace;
  };
  const ofUri = (uri: string) => ofPath(pathOf(uri));

  const configureFolders = (settings: Settings, perFolder: readonly FolderSettings[]): void => {
    const previous = services;
    services = new Map();
    // A service whose settings are still in use is kept (and reconfigured, which clears its cache): it keeps what it
    // learned about documents across checks, as a single service does through a settings change.
    const serviceFor = (s: Settings): LanguageService => {
      const key = keyOf(s);
      let service = services.get(key);
      if (!service) {
        service = previous.get(key) ?? createLanguageService(options);
        service.configure(s);
        services.set(key, service);
      }
      return service;
    };
    workspace = serviceFor(settings);
    folders = perFolder.map((f) => ({ path: f.path, service: serviceFor(f.settings) })).sort((a, b) => b.path.length - a.path.length);
  };

  return {
    configure: (settings) => configureFolders(settings, []),
    configureFolders,
    diagnose: (input, context) => ofUri(input.uri).diagnose(input, context),
    parse: (input) => ofUri(input.uri).parse(input),
    diagnoseSet: (paths, reader, env) => ofPath(paths[0]).diagnoseSet(paths, reader, env),
    hover: (input, offset, set, env) => ofUri(input.uri).hover(input, offset, set, env),
    complete: (input, offset) => ofUri(input.uri).complete(input, offset),
    definition: (input, offset, set, env) => ofUri(input.uri).definition(input, offset, set, env),
    inlayHints: (input, range, env, set) => ofUri(input.uri).inlayHints(input, range, env, set),
    codeActions: (input, range, findings, context) => ofUri(input.uri).codeActions(input, range, findings, context),
    fixAll: (input, findings, context) => ofUri(input.uri).fixAll(input, findings, context),
    forget(uri) {
      for (const service of services.values()) service.forget(uri);
    },
  };
}
