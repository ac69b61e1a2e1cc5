/**
 * Every field value of an HNS document with the knowledge-table field it is, so rules can check all CIDRs, all
 * MAC addresses, all ports... in one place whatever object they sit in. Objects are walked by their kind's
 * field table; policies by their type's settings (v2 `Settings`, v1 flat fields); array fields visit the array
 * and then each item with the item type.
 */
import { asMap, getPair, items, pairs, type MapNode, type Node, type Pair } from '../documents/tree';
import type { Field, FieldType, ObjectSpec } from '../knowledge/hns-model';
import { V1_OBJECTS } from '../knowledge/hns-v1-objects';
import { V2_OBJECTS } from '../knowledge/hns-v2-objects';
import { childPointer } from '../documents/pointer';
import type { HnsModel, PolicyUse, Schema } from './model-types';
import { oncePer } from '../util/once-per';

export interface FieldUse {
  name: string;
  field: Field;
  /** The type of this value: the field's type, or its item type for array items. */
  type: FieldType;
  node: Node;
  pointer: string;
  /** The pair that holds the field (for an array item: the array's pair). */
  pair: Pair;
  schema: Schema;
  /** The policy the value belongs to, if any. */
  policy?: PolicyUse;
  /** The object holding the field. */
  owner: MapNode;
}

const POLICY_UNIONS = new Set(['V1Policy', 'NetworkPolicy', 'EndpointPolicy', 'SubnetPolicy']);

function objectSpec(schema: Schema, id: string): ObjectSpec | undefined {
  return schema === 'v1' ? V1_OBJECTS[id] : V2_OBJECTS[id];
}

/** The field uses of a model, collected once and shared by every rule that walks them. */
const fieldUses = oncePer((model: HnsModel): FieldUse[] => {
  const collected: FieldUse[] = [];
  const collect = (use: FieldUse) => collected.push(use);
  for (const object of model.objects) {
    const spec = objectSpec(object.schema, object.kind);
    if (spec) walkObject(object.node, spec.fields, object.pointer, object.schema, collect, undefined, 0);
  }
  for (const policy of model.policies) {
    const spec = policy.spec ?? policy.elsewhere;
    if (!spec || !policy.settings) continue;
    walkObject(policy.settings, spec.settings, policy.settingsPointer, policy.schema, collect, policy, 0);
  }
  return collected;
});

export function walkFields(model: HnsModel, visit: (use: FieldUse) => void): void {
  for (const use of fieldUses(model)) visit(use);
}

function walkObject(
  node: MapNode,
  fields: Record<string, Field>,
  pointer: string,
  schema: Schema,
  visit: (use: FieldUse) => void,
  policy: PolicyUse | undefined,
  depth: number,
): void {
  if (depth > 16) return;
  for (const pair of pairs(node)) {
    const name = String(pair.key.value);
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) continue;
    const pointerHere = childPointer(pointer, name);
    visitValue({ name, field, type: field.type, node: pair.value, pointer: pointerHere, pair, schema, policy, owner: node }, visit, depth);
  }
}

function visitValue(use: FieldUse, visit: (use: FieldUse) => void, depth: number): void {
  visit(use);
  const { type } = use;
  if (type.kind === 'array') {
    for (const [i, item] of items(use.node).entries())
      visitValue({ ...use, type: type.items, node: item, pointer: childPointer(use.pointer, i) }, visit, depth + 1);
  } else if (type.kind === 'object' && !POLICY_UNIONS.has(type.object)) {
    const spec = objectSpec(use.schema, type.object);
    const map = asMap(use.node);
    if (spec && map) walkObject(map, spec.fields, use.pointer, use.schema, visit, use.policy, depth + 1);
  }
}

/** The value of `key` in a policy's settings. */
export function setting(policy: PolicyUse, key: string): Node | undefined {
  return getPair(policy.settings, key)?.value;
}
