/**
 * A plain picture of a located tree: every field a rule, hover or fix reads, alias targets by where they are
 * written. Two trees are the same tree exactly when their pictures are deeply equal; the incremental re-parse
 * spec and the fuzzer compare trees this way.
 */
import type { Node } from '../documents/tree';

export function treePicture(node: Node | undefined): unknown {
  if (!node) return undefined;
  const common = { kind: node.kind, start: node.start, end: node.end, fullStart: node.fullStart, anchor: node.anchor, tag: node.tag };
  switch (node.kind) {
    case 'scalar':
      return { ...common, value: node.value, style: node.style };
    case 'alias':
      return { ...common, name: node.name, target: node.target?.start };
    case 'seq':
      return { ...common, flow: node.flow, items: node.items.map(treePicture) };
    case 'map':
      return { ...common, flow: node.flow, merges: node.merges, pairs: node.pairs.map((p) => [treePicture(p.key), treePicture(p.value)]) };
  }
}
