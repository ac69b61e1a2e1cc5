/** Small helpers shared by the HNS rules. */
import { asScalar, type Node } from '../../documents/tree';
import type { Span } from '../../documents/text';
import { isPlaceholder } from '../../hns/placeholder';
import type { FieldUse } from '../../hns/walk';
import type { HnsModel, NetworkModel } from '../../hns/model';
import type { EndpointModel } from '../../hns/model-types';
import { hnsNetworkType, type HnsNetworkType } from '../../knowledge/hns-network-types';

export function spanOf(node: { start: number; end: number }): Span {
  return { start: node.start, end: node.end };
}

/** A string value worth checking: a string scalar that is not a template placeholder. */
export function checkableString(node: Node | undefined): string | undefined {
  const s = asScalar(node);
  if (!s || typeof s.value !== 'string' || isPlaceholder(s.value)) return undefined;
  return s.value;
}

export function integerValue(node: Node | undefined): number | undefined {
  const s = asScalar(node);
  return typeof s?.value === 'number' && Number.isInteger(s.value) ? s.value : undefined;
}

/** String fields of a format (array items included), as the walker yields them. */
export function isFormat(use: FieldUse, ...formats: string[]): boolean {
  return use.type.kind === 'string' && use.type.format !== undefined && formats.includes(use.type.format);
}

/** The network a GUID names in the same document, if the document holds it. */
export function networkById(model: HnsModel, id: string | undefined): NetworkModel | undefined {
  if (!id) return undefined;
  const lower = id.toLowerCase();
  return model.networks.find((n) => n.id?.toLowerCase() === lower);
}

/** The type of an endpoint's network: from the network when the document holds it, else from v1 output's `Type`. */
export function endpointNetworkType(model: HnsModel, endpoint: EndpointModel): HnsNetworkType | undefined {
  return networkById(model, endpoint.networkId)?.type ?? hnsNetworkType(endpoint.networkTypeValue);
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

export function quoteList(values: string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}
