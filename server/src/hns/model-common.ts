/** Building blocks shared by the v1, v2 and CNI model builders. */
import { asMap, asScalar, getPair, items, scalarText, type MapNode, type Node } from '../documents/tree';
import { parseIp } from '../knowledge/addresses';
import type { PolicyLocation } from '../knowledge/hns-model';
import { v1Policy } from '../knowledge/hns-v1-objects';
import { v2Policy } from '../knowledge/hns-v2-policies';
import { childPointer } from '../documents/pointer';
import type { AddressUse, PolicyUse, Schema } from './model-types';

/** IP family of an address or CIDR, or undefined when it does not parse. */
export function familyOf(value: string): 4 | 6 | undefined {
  return parseIp(value.split('/')[0].trim())?.family;
}

export function addressAt(node: Node | undefined, key: string): AddressUse | undefined {
  const scalar = asScalar(getPair(node, key)?.value);
  if (!scalar || typeof scalar.value !== 'string') return undefined;
  return { node: scalar, value: scalar.value, family: familyOf(scalar.value) };
}

export function stringAt(node: Node | undefined, key: string): string | undefined {
  const s = asScalar(getPair(node, key)?.value);
  return typeof s?.value === 'string' ? s.value : undefined;
}

/** The policy objects of a `Policies` list, with location and type resolved. */
export function policiesIn(owner: Node | undefined, ownerPointer: string, key: string, location: PolicyLocation, schema: Schema): PolicyUse[] {
  const pair = getPair(owner, key);
  if (!pair) return [];
  const listPointer = childPointer(ownerPointer, key);
  const result: PolicyUse[] = [];
  items(pair.value).forEach((item, i) => {
    const node = asMap(item);
    if (node) result.push(policyUse(node, childPointer(listPointer, i), location, schema));
  });
  return result;
}

export function policyUse(node: MapNode, pointer: string, location: PolicyLocation, schema: Schema): PolicyUse {
  const typePair = getPair(node, 'Type');
  const type = scalarText(typePair?.value);
  if (schema === 'v1') {
    const known = type ? v1Policy(type) : undefined;
    const fits = known?.locations.includes(location);
    return {
      schema,
      location,
      node,
      pointer,
      type,
      typePair,
      spec: fits ? known : undefined,
      elsewhere: fits ? undefined : known,
      settings: node,
      settingsPointer: pointer,
    };
  }
  const here = type ? v2Policy(location as 'network' | 'endpoint' | 'subnet', type) : undefined;
  const elsewhere = type && !here ? (['network', 'endpoint', 'subnet'] as const).map((l) => v2Policy(l, type)).find(Boolean) : undefined;
  const settingsPair = getPair(node, 'Settings');
  return {
    schema,
    location,
    node,
    pointer,
    type,
    typePair,
    spec: here,
    elsewhere,
    settings: asMap(settingsPair?.value),
    settingsPointer: childPointer(pointer, 'Settings'),
  };
}

/** Integer value of a scalar (JSON number, or a decimal string some clients send). */
export function integerOf(node: Node | undefined): number | undefined {
  const s = asScalar(node);
  if (typeof s?.value === 'number' && Number.isInteger(s.value)) return s.value;
  if (typeof s?.value === 'string' && /^\d+$/.test(s.value.trim())) return Number(s.value.trim());
  return undefined;
}
