/**
 * `Get-HnsNetwork | ConvertTo-Json` is how most HNS documents reach a file, and `ConvertTo-Json` stops at a depth
 * of 2 unless told otherwise (`-Depth`; PowerShell 7.1+ warns, Windows PowerShell 5.1 does not). Below that depth
 * it writes each object as the text PowerShell shows for it: `@{AddressPrefix=172.29.144.0/20; ...}` for an
 * object, `System.Object[]` for an array. Such a string stands where HNS has an object: not a wrong value to
 * report field by field, but a cut export to name once.
 */
import type { Node, ScalarNode } from '../documents/tree';

const SHOWN_OBJECT = /^@\{.*\}$/s;
const SHOWN_TYPES = new Set([
  'System.Object[]',
  'System.Collections.Hashtable',
  'System.Management.Automation.PSCustomObject',
  'System.Collections.Generic.List`1[System.Object]',
]);

/** True for a string that is PowerShell's display of an object or array, as a cut `ConvertTo-Json` writes it. */
export function isCutByConvertToJson(value: unknown): boolean {
  return typeof value === 'string' && (SHOWN_TYPES.has(value) || (value.startsWith('@{') && SHOWN_OBJECT.test(value)));
}

/** Every such string in a document, in text order. */
export function cutValues(root: Node | undefined): ScalarNode[] {
  const found: ScalarNode[] = [];
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'scalar') {
      if (isCutByConvertToJson(node.value)) found.push(node);
    } else if (node.kind === 'map') {
      for (let i = node.pairs.length - 1; i >= 0; i--) stack.push(node.pairs[i].value);
    } else if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return found;
}
