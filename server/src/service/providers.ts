/**
 * Hover and completion for documents other than compose (HNS v1, HCN v2, CNI; docker commands in scripts).
 * Kept here so the server wires every kind through one list.
 */
import { hnsCompletions } from './hns-complete';
import { hnsHover } from './hns-hover';
import type { KindProvider } from './language-service';
import { scriptCompletions, scriptHover } from './script-features';

export function hnsProviders(): KindProvider[] {
  return [
    { kinds: ['hns-v1', 'hcn-v2', 'cni'], hover: (doc, offset, s) => hnsHover(doc, offset, s), complete: (doc, offset, s) => hnsCompletions(doc, offset, s) },
    { kinds: ['script'], hover: (doc, offset, s) => scriptHover(doc, offset, s), complete: (doc, offset, s) => scriptCompletions(doc, offset, s) },
  ];
}
