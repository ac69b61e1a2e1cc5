/**
 * The typed model of an HNS document (v1, v2, or the HNS parts of a Windows CNI config): networks with their
 * subnets, endpoints with their addresses, and every policy with where it sits. Each value keeps its node, so a
 * rule reports on the exact text.
 */
import type { MapNode, Node, Pair, ScalarNode } from '../documents/tree';
import type { PolicyLocation, PolicySpec } from '../knowledge/hns-model';
import type { HnsNetworkType } from '../knowledge/hns-network-types';
import type { ObjectKind } from './classify';

export type Schema = 'v1' | 'v2';

export interface HnsObject {
  kind: ObjectKind;
  schema: Schema;
  node: MapNode;
  pointer: string;
  /** The object's own `SchemaVersion` (v2), when written. */
  schemaVersion?: { major: number; minor: number; node: Node };
}

export interface PolicyUse {
  schema: Schema;
  location: PolicyLocation;
  node: MapNode;
  pointer: string;
  /** `Type` as written, its node, and the policy it names at this location (undefined: unknown or misplaced). */
  type?: string;
  typePair?: Pair;
  spec?: PolicySpec;
  /** A policy of this type that belongs somewhere else (v2 network vs endpoint vs subnet, v1 by evidence). */
  elsewhere?: PolicySpec;
  /** The fields: v2 `Settings`, v1 the policy object itself. */
  settings?: MapNode;
  settingsPointer: string;
  /**
   * Set for policies embedded in a CNI config: the plugin (`type`, lower case) and the shape it expects; `flat` marks
   * a v2 policy type written flat, fields beside `Type`, as Calico reads every policy and converts it itself.
   */
  cni?: { entry: MapNode; name?: string; shape: 'v1' | 'v2'; expects?: 'v1' | 'v2'; plugin: string; flat?: boolean };
}

export interface AddressUse {
  node: ScalarNode;
  value: string;
  family?: 4 | 6;
}

export interface SubnetModel {
  node: MapNode;
  pointer: string;
  prefix?: AddressUse;
  gateway?: AddressUse;
  policies: PolicyUse[];
}

export interface NetworkModel {
  object?: HnsObject;
  /** The node findings about the network as a whole go to (its `Type` key, or the object). */
  anchor: Node;
  id?: string;
  name?: string;
  typeValue?: string | number;
  typePair?: Pair;
  type?: HnsNetworkType;
  /** Where the external adapter is named (v1 `NetworkAdapterName`, v2 `NetAdapterName` / InterfaceConstraint policy, CNI `master`). */
  adapter?: Node;
  subnets: SubnetModel[];
  policies: PolicyUse[];
  /** The network-level `IPv6` request flag. */
  ipv6Flag?: Pair;
  source: Schema | 'cni';
}

export interface EndpointModel {
  object: HnsObject;
  anchor: Node;
  id?: string;
  networkId?: string;
  /** v1 output names the network type on the endpoint. */
  networkTypeValue?: string;
  addresses: AddressUse[];
  remote?: Node;
  policies: PolicyUse[];
}

export interface LoadBalancerModel {
  object: HnsObject;
  networkId?: string;
  endpointIds: string[];
  anchor: Node;
}

export interface HnsModel {
  schema: Schema | 'cni';
  objects: HnsObject[];
  networks: NetworkModel[];
  endpoints: EndpointModel[];
  loadBalancers: LoadBalancerModel[];
  /** Every policy, wherever it sits (networks, subnets, endpoints, policy lists, bare, CNI). */
  policies: PolicyUse[];
}
