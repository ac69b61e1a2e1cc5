/** Message context: which key a problem is about, so a CLI line reads on its own ("`interval`: expected ..."). */
import { parsePointer } from '../documents/pointer';
import type { SchemaProblem } from './problems';

export function withContext(problem: SchemaProblem): string {
  if (problem.target.kind === 'property-key') return problem.message;
  const segments = parsePointer(problem.pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return problem.message;
  if (/^\d+$/.test(last)) {
    const owner = [...segments].reverse().find((s) => !/^\d+$/.test(s));
    return `item ${Number(last) + 1}${owner ? ` of \`${owner}\`` : ''}: ${problem.message}`;
  }
  return `\`${last}\`: ${problem.message}`;
}
