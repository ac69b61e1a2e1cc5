/** The HNS model of a parsed document, built once per parse and shared by every HNS rule. */
import type { ParsedDocument } from '../documents/document';
import { buildCniModel } from './model-cni';
import type { HnsModel } from './model-types';
import { buildV1Model } from './model-v1';
import { buildV2Model } from './model-v2';
import { oncePer } from '../util/once-per';

const EMPTY: HnsModel = { schema: 'v1', objects: [], networks: [], endpoints: [], loadBalancers: [], policies: [] };

export const hnsModel = oncePer(
  (doc: ParsedDocument): HnsModel =>
    doc.kind === 'hns-v1' ? buildV1Model(doc.root) : doc.kind === 'hcn-v2' ? buildV2Model(doc.root) : doc.kind === 'cni' ? buildCniModel(doc.root) : EMPTY,
);

export type { HnsModel, NetworkModel, PolicyUse, SubnetModel } from './model-types';
