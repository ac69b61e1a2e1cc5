/** The unsupported-options table entry behind a rule, as the first sentences of the rule's description. */
import type { UnsupportedOption } from '../../../knowledge/unsupported';

export function describeEntry(entry: UnsupportedOption): string {
  return `Microsoft lists \`${entry.command} ${entry.flag}\` (compose: \`${entry.composePath}\`) as unsupported on Windows. ${entry.behaviour} ${entry.history}`;
}
