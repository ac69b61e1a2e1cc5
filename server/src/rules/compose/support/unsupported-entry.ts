/** The unsupported-options table entry behind a rule: its behaviour and sources feed the rule's docs. */
import { UNSUPPORTED_OPTIONS, type UnsupportedOption } from '../../../knowledge/unsupported';

export function unsupportedEntry(rule: string): UnsupportedOption {
  const entry = UNSUPPORTED_OPTIONS.find((o) => o.rule === rule);
  if (!entry) throw new Error(`no unsupported-option entry for rule ${rule}`);
  return entry;
}

export function describeEntry(entry: UnsupportedOption): string {
  return `Microsoft lists \`${entry.command} ${entry.flag}\` (compose: \`${entry.composePath}\`) as unsupported on Windows. ${entry.behaviour} ${entry.history}`;
}
