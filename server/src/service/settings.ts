/** `winnet.*` editor settings → language-service settings, tolerant of any value a user can type. */
import { isWindowsVersionSetting } from '../knowledge/versions';
import type { SeveritySetting } from '../rules/types';
import type { Settings } from './language-service';

export const DEFAULT_DEBOUNCE_MS = 200;
/** The rule that validates compose files against the compose-spec schema. */
const COMPOSE_SCHEMA_RULE = 'compose-schema';

/** Where the editor reads compose variables from (service/project-environments.ts). */
export interface VariableSettings {
  /** `winnet.envFiles`: env files that replace each project's `.env` (as `--env-file` does), as written. */
  envFiles: string[];
  /**
   * `winnet.readProcessEnvironment`: read the language server's own environment too. Off by default: the editor's
   * environment is not the one `docker compose` runs in where the project is deployed.
   */
  readProcessEnvironment: boolean;
  /** `winnet.inlayHints.variables`: show ` = value` after each `${...}` whose value is known. */
  inlayHints: boolean;
}

export function settingsFrom(raw: Record<string, unknown>): {
  settings: Settings;
  debounceMs: number;
  composeFileSets: string[][];
  variables: VariableSettings;
} {
  const target = raw.target === 'windows' || raw.target === 'linux' ? raw.target : 'auto';
  const version = typeof raw.windowsVersion === 'string' && isWindowsVersionSetting(raw.windowsVersion) ? raw.windowsVersion : undefined;
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, severity] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && ['off', 'error', 'warning', 'information', 'hint'].includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const debounce = typeof raw.debounceMs === 'number' && raw.debounceMs >= 0 && raw.debounceMs <= 5000 ? raw.debounceMs : DEFAULT_DEBOUNCE_MS;
  // `winnet.schemaValidation: off` (the client resolves `auto`) turns the compose-schema rule off, unless the
  // user set that rule's severity explicitly.
  if (raw.schemaValidation === 'off' && rules[COMPOSE_SCHEMA_RULE] === undefined) rules[COMPOSE_SCHEMA_RULE] = 'off';
  const sets = Array.isArray(raw.composeFileSets)
    ? raw.composeFileSets.filter((set): set is string[] => Array.isArray(set) && set.length > 0 && set.every((p) => typeof p === 'string'))
    : [];
  return { settings: { target, windowsVersion: version, rules }, debounceMs: debounce, composeFileSets: sets, variables: variablesFrom(raw) };
}

function variablesFrom(raw: Record<string, unknown>): VariableSettings {
  const envFiles = Array.isArray(raw.envFiles) ? raw.envFiles.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim()) : [];
  // VS Code sends `inlayHints.variables` as a nested object; other editors may send the dotted key.
  const hints = raw.inlayHints && typeof raw.inlayHints === 'object' ? (raw.inlayHints as Record<string, unknown>).variables : raw['inlayHints.variables'];
  return { envFiles, readProcessEnvironment: raw.readProcessEnvironment === true, inlayHints: hints !== false };
}
