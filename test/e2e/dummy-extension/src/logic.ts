/**
 * What the dummy language server knows, shared with the tests that check it: a key named `badKey` in YAML
 * or JSON is an error with source `dummy` and code `DUMMY001`, a hover, and a rename-to-`goodKey` fix.
 */
import type { Diagnostic, Range } from 'vscode-languageserver';

export const DUMMY_CODE = 'DUMMY001';
export const DUMMY_SOURCE = 'dummy';
export const BAD_KEY = 'badKey';
export const GOOD_KEY = 'goodKey';
export const FIX_TITLE = `Rename '${BAD_KEY}' to '${GOOD_KEY}'`;
export const HOVER_TEXT = `${BAD_KEY} is the dummy extension's forbidden key: rename it to ${GOOD_KEY}.`;
export const MESSAGE = `'${BAD_KEY}' is not allowed here; use '${GOOD_KEY}'`;

/** The ranges of every `badKey` used as a key: `badKey:` / `- badKey:` in YAML, `"badKey":` in JSON. */
export function badKeyRanges(text: string): Range[] {
  const ranges: Range[] = [];
  const lines = text.split(/\r?\n/);
  const pattern = new RegExp(`^(\\s*(?:-\\s+)?)("?)${BAD_KEY}\\2\\s*:`);
  lines.forEach((line, index) => {
    const match = pattern.exec(line);
    if (!match) return;
    const start = match[1].length + match[2].length;
    ranges.push({ start: { line: index, character: start }, end: { line: index, character: start + BAD_KEY.length } });
  });
  return ranges;
}

export function diagnosticsFor(text: string): Diagnostic[] {
  return badKeyRanges(text).map((range) => ({
    range,
    severity: 1 /* DiagnosticSeverity.Error */,
    source: DUMMY_SOURCE,
    code: DUMMY_CODE,
    message: MESSAGE,
  }));
}
