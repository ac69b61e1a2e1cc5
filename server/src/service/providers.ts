/**
 * Hover and completion for documents other than compose (HNS v1, HCN v2, CNI), supplied by the HNS module.
 * Kept here so the server wires every kind through one list.
 */
import { hnsCompletions } from './hns-complete';
import { hnsHover } from './hns-hover';
import type { KindProvider } from './language-service';

export function hnsProviders(): KindProvider[] {
  return [
    { kinds: ['hns-v1', 'hcn-v2', 'cni'], hover: (doc, offset, s) => hnsHover(doc, offset, s), complete: (doc, offset, s) => hnsCompletions(doc, offset, s) },
  ];
}
