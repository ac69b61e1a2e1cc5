/**
 * Hover and completion for documents other than compose (HNS v1, HCN v2, CNI), supplied by the HNS module.
 * Kept here so the server wires every kind through one list.
 */
import type { KindProvider } from './language-service';

export function hnsProviders(): KindProvider[] {
  return [];
}
