/**
 * The CLI config file, `.winnetrc.json` (schema: schemas/winnetrc.schema.json). Found in the current folder or
 * the nearest parent, or given with --config. Checked by hand against the same rules as the schema, so the CLI
 * compiles no schema at run time and says exactly what is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { TargetSetting } from '../compose/target';
import { isWindowsVersionSetting, WINDOWS_VERSION_SETTINGS, type WindowsVersionSetting } from '../knowledge/versions';
import { ruleMeta } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';

const CONFIG_NAME = '.winnetrc.json';

export interface Config {
  path?: string;
  target?: TargetSetting;
  windowsVersion?: WindowsVersionSetting;
  rules: Record<string, SeveritySetting>;
  maxWarnings?: number;
  ignore: string[];
}

export type LoadedConfig = { ok: true; config: Config } | { ok: false; error: string };

export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(path: string | undefined): LoadedConfig {
  if (!path) return { ok: true, config: { rules: {}, ignore: [] } };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, error: `cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? error}` };
  }
  const errors: ParseError[] = [];
  const data = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) return { ok: false, error: `${path}: not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})` };
  const problems = validateConfig(data);
  if (problems.length) return { ok: false, error: `${path}: ${problems.join('; ')}` };
  return { ok: true, config: { path, rules: {}, ignore: [], ...(data as object) } as Config };
}

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

/** Mirrors schemas/winnetrc.schema.json (a test keeps the two in step). */
export function validateConfig(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['the config must be a JSON object'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case '$schema':
        if (typeof value !== 'string') problems.push('"$schema" must be a string');
        break;
      case 'target':
        if (!['auto', 'windows', 'linux'].includes(value as string)) problems.push(`"target" must be "auto", "windows" or "linux"`);
        break;
      case 'windowsVersion':
        if (typeof value !== 'string' || !isWindowsVersionSetting(value))
          problems.push(`"windowsVersion" must be one of ${WINDOWS_VERSION_SETTINGS.join(', ')}`);
        break;
      case 'maxWarnings':
        if (!Number.isInteger(value) || (value as number) < 0) problems.push('"maxWarnings" must be a whole number of 0 or more');
        break;
      case 'ignore':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) problems.push('"ignore" must be an array of glob strings');
        break;
      case 'rules':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          problems.push('"rules" must be an object of rule id → severity');
          break;
        }
        for (const [rule, severity] of Object.entries(value)) {
          if (!SEVERITIES.includes(severity as string)) problems.push(`rule "${rule}": severity must be one of ${SEVERITIES.join(', ')}`);
          else if (!ruleMeta(rule)) problems.push(`unknown rule "${rule}"`);
        }
        break;
      default:
        problems.push(`unknown setting "${key}"`);
    }
  }
  return problems;
}
