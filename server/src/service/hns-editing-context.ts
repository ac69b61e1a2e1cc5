/**
 * Where a path of an HNS or CNI document starts in the schemas: an HNS document's objects by their kind (the
 * root object, or each item of a root array), a CNI config's embedded policies by their shape and location.
 * Paths outside any HNS object (the CNI plugin keys) have no schema: winnet offers nothing there.
 */
import type { ParsedDocument } from '../documents/document';
import { asMap, asSeq, type Node } from '../documents/tree';
import { HCN_V2_SCHEMA, HNS_V1_SCHEMA } from '../schema/hns-validators';
import { parsePointer } from '../documents/pointer';
import { classifyV1, classifyV2, type ObjectKind } from '../hns/classify';
import { hnsModel } from '../hns/model';
import type { Schema } from './hns-schema-nav';

export interface SchemaStart {
  root: Schema;
  start: Schema[];
  /** The node the start schemas describe, and the rest of the path below it. */
  node: Node | undefined;
  rest: (string | number)[];
  kind: ObjectKind;
  schema: 'v1' | 'v2';
}

const def = (name: string): Schema[] => [{ $ref: `#/definitions/${name}` }];

export function schemaStart(doc: ParsedDocument, path: readonly (string | number)[]): SchemaStart | undefined {
  if (doc.kind === 'hns-v1' || doc.kind === 'hcn-v2') {
    const v1 = doc.kind === 'hns-v1';
    const root = v1 ? HNS_V1_SCHEMA : HCN_V2_SCHEMA;
    const array = asSeq(doc.root);
    const [index, ...below] = path;
    const node = array ? (typeof index === 'number' ? array.items[index] : undefined) : doc.root;
    if (!asMap(node)) return undefined;
    const kind = v1 ? classifyV1(node) : classifyV2(node);
    return { root, start: def(kind), node, rest: array ? below : [...path], kind, schema: v1 ? 'v1' : 'v2' };
  }
  if (doc.kind === 'cni') {
    for (const p of hnsModel(doc).policies) {
      const prefix = parsePointer(p.pointer);
      if (prefix.length > path.length || !prefix.every((s, i) => s === String(path[i]))) continue;
      const kind: ObjectKind = p.schema === 'v1' ? 'V1Policy' : p.location === 'network' ? 'NetworkPolicy' : 'EndpointPolicy';
      const root = p.schema === 'v1' ? HNS_V1_SCHEMA : HCN_V2_SCHEMA;
      // A v2 policy written flat (Calico's SDNROUTE): its fields are that type's v2 Settings, beside `Type`.
      if (p.cni?.flat) {
        if (!p.spec) return undefined;
        return { root, start: def(`${kind}.${p.spec.type}`), node: p.node, rest: path.slice(prefix.length), kind, schema: p.schema };
      }
      return { root, start: def(kind), node: p.node, rest: path.slice(prefix.length), kind, schema: p.schema };
    }
  }
  return undefined;
}
