/** One parse per document version: text, line index, located tree, parse errors and kind, shared by every feature. */
import { detectKind, isCiName, isEnvFileName, isScriptName, languageOf, type DocumentKind, type Language } from './kind';
import { parseJson, type ParsedJson } from './json';
import { LineIndex } from './text';
import type { Node } from './tree';
import type { ParseError } from './parse-error';
import { parseYaml } from './yaml';

export interface ParsedDocument {
  /** File path or URI, used for kind detection by name and in output. */
  path: string;
  text: string;
  lines: LineIndex;
  language: Language;
  root: Node | undefined;
  errors: ParseError[];
  kind: DocumentKind;
}

export function parseDocument(path: string, text: string, language: Language = languageOf(path, text)): ParsedDocument {
  // An env file is no YAML or JSON: its own grammar is read by the rule that checks it (compose/dotenv.ts). Its
  // comments are `#` lines, as YAML's, for suppression directives.
  if (isEnvFileName(path)) return { path, text, lines: new LineIndex(text), language: 'yaml', root: undefined, errors: [], kind: 'dotenv' };
  // A script or Markdown file is read for its shell commands (server/src/scripts/), not parsed here; `#` comments
  // serve for suppression directives in PowerShell, shell and Markdown alike.
  if (isScriptName(path)) return { path, text, lines: new LineIndex(text), language: 'yaml', root: undefined, errors: [], kind: 'script' };
  const parsed: ParsedJson = language === 'yaml' ? parseYaml(text) : parseJson(text);
  const { root, errors } = parsed;
  // A CI file is YAML whose steps hold the commands: parsed, so the steps can be found.
  if (language === 'yaml' && isCiName(path)) return { path, text, lines: new LineIndex(text), language, root, errors, kind: 'script' };
  // A JSON document nested past the limit has no root, but its kind comes from what was read down to the limit.
  const kindRoot = root ?? parsed.shallow;
  return { path, text, lines: new LineIndex(text), language, root, errors, kind: detectKind(path, language, kindRoot, text) };
}
