/**
 * Which HNS object a JSON object is. HNS documents carry no discriminator (a network and an endpoint both have
 * `Name` and may have `Type`), so the object is scored against each kind's known fields and the best match wins;
 * ties go to the earlier kind in the list. Deterministic and cheap: one pass over the keys.
 */
import { pairs, scalarText, type Node } from '../documents/tree';
import { V1_OBJECTS, V1_POLICIES, v1Policy } from '../knowledge/hns-v1-objects';
import { V2_OBJECTS } from '../knowledge/hns-v2-objects';
import { v2Policy } from '../knowledge/hns-v2-policies';

export type V1Kind = 'Network' | 'Endpoint' | 'PolicyList' | 'V1Policy';
export type V2Kind =
  | 'HostComputeNetwork'
  | 'HostComputeEndpoint'
  | 'HostComputeNamespace'
  | 'HostComputeLoadBalancer'
  | 'HostComputeRoute'
  | 'NetworkPolicy'
  | 'EndpointPolicy';
export type ObjectKind = V1Kind | V2Kind;

const V1_ORDER: V1Kind[] = ['Network', 'Endpoint', 'PolicyList', 'V1Policy'];
const V2_ORDER: V2Kind[] = [
  'HostComputeNetwork',
  'HostComputeEndpoint',
  'HostComputeNamespace',
  'HostComputeLoadBalancer',
  'HostComputeRoute',
  'EndpointPolicy',
];

const fieldCache = new Map<string, Set<string>>();

/** Known keys of a kind (of a v1 policy type), computed once per kind. */
function fieldsOf(kind: ObjectKind, type: string | undefined): Set<string> {
  const cacheKey = kind === 'V1Policy' ? `${kind}:${(type && v1Policy(type)?.type) ?? ''}` : kind;
  let fields = fieldCache.get(cacheKey);
  if (!fields) fieldCache.set(cacheKey, (fields = computeFields(kind, type)));
  return fields;
}

function computeFields(kind: ObjectKind, type: string | undefined): Set<string> {
  if (kind === 'V1Policy') {
    const spec = type ? v1Policy(type) : undefined;
    return new Set(['Type', ...Object.keys(spec?.settings ?? Object.assign({}, ...V1_POLICIES.map((p) => p.settings)))]);
  }
  if (kind === 'NetworkPolicy' || kind === 'EndpointPolicy') return new Set(['Type', 'Settings']);
  return new Set(Object.keys((V1_OBJECTS[kind] ?? V2_OBJECTS[kind])?.fields ?? {}));
}

function best<K extends ObjectKind>(order: K[], keys: string[], type: string | undefined): K {
  let winner = order[0];
  let top = -Infinity;
  for (const kind of order) {
    const fields = fieldsOf(kind, type);
    let score = 0;
    for (const k of keys) score += fields.has(k) ? 1 : -0.5;
    if (score > top) {
      top = score;
      winner = kind;
    }
  }
  return winner;
}

export function classifyV1(node: Node | undefined): V1Kind {
  const keys = pairs(node).map((p) => String(p.key.value));
  return best(V1_ORDER, keys, scalarText(pairs(node).find((p) => p.key.value === 'Type')?.value));
}

export function classifyV2(node: Node | undefined): V2Kind {
  const keys = pairs(node).map((p) => String(p.key.value));
  const kind = best(V2_ORDER, keys, undefined);
  if (kind !== 'EndpointPolicy') return kind;
  // A bare policy: its Type says which list it belongs to (types valid in both default to endpoint).
  const type = scalarText(pairs(node).find((p) => p.key.value === 'Type')?.value);
  return type && !v2Policy('endpoint', type) && v2Policy('network', type) ? 'NetworkPolicy' : 'EndpointPolicy';
}
