/**
 * The vocabulary the HNS knowledge is written in: objects with typed fields, policies with their settings and
 * where they may appear, enumerations and flag sets. The JSON Schemas (schemas/hns-v1.schema.json,
 * schemas/hcn-v2.schema.json), the HNS rules, hovers and completions are all derived from tables written in
 * these types, so a fact is stated once. Field facts come from HNS-SCHEMA and hcsshim.
 */
import type { SourceRef } from './sources';

/** HCN schema version as HNS-SCHEMA writes it ("NewInVersion"), e.g. '2.5'. */
export type SchemaVersion = `2.${number}`;

/** What a string holds, for the checks a JSON Schema type cannot make (and for hovers). */
export type StringFormat =
  | 'guid'
  | 'ip'
  | 'cidr'
  /** An IP address or a CIDR prefix (OutBoundNAT exceptions, destinations). */
  | 'cidrOrIp'
  | 'mac'
  /** A comma-separated list of IP addresses (v1 `DNSServerList`). */
  | 'ipList'
  /** A comma-separated list of IP addresses or prefixes (ACL `LocalAddresses` / `RemoteAddresses`). */
  | 'addressList'
  /** A port number written as a string (L4Proxy `Port`). */
  | 'port'
  /** A comma-separated list of ports and `low-high` ranges (ACL `LocalPorts` / `RemotePorts`). */
  | 'portList'
  /** IANA protocol numbers, comma-separated (ACL `Protocols`: "6", "17", "6,17"). */
  | 'protocolList';

/** What an integer holds, for range checks beyond its width. */
export type IntegerFormat = 'port' | 'vlan' | 'vsid' | 'prefixLength' | 'protocol';

export type FieldType =
  | { kind: 'string'; format?: StringFormat }
  | { kind: 'bool' }
  | { kind: 'int'; bits: 8 | 16 | 32 | 64; format?: IntegerFormat }
  | { kind: 'enum'; enum: EnumId }
  | { kind: 'flags'; flags: FlagSetId }
  | { kind: 'object'; object: string }
  | { kind: 'array'; items: FieldType }
  /** Free-form JSON object (`AdditionalParams`, `Health.Data`). */
  | { kind: 'any' }
  /** Sources disagree on the type (e.g. SetPolicy `PolicyType`: string vs integer): any of these. */
  | { kind: 'either'; types: FieldType[] };

export interface Field {
  type: FieldType;
  /** Markdown: what it does, in one or two sentences (hovers, completion, schema `description`). */
  description: string;
  /** HCN schema version that introduced it (HNS-SCHEMA "NewInVersion"); absent: 2.0 or v1. */
  since?: SchemaVersion;
  /** Reported by HNS (Get-HnsNetwork, hnsdiag) and ignored on input; accepted so pasted output validates. */
  readOnly?: boolean;
  /** Spelled this way by some clients only; the other spelling is `alias`. Said in hovers. */
  alias?: string;
  sources?: SourceRef[];
}

export interface ObjectSpec {
  id: string;
  title: string;
  description: string;
  fields: Record<string, Field>;
  required?: string[];
  /** Unknown keys are fine here (free-form or undocumented settings). */
  open?: boolean;
}

export type PolicyLocation = 'network' | 'endpoint' | 'subnet' | 'policylist';

export interface PolicySpec {
  /** `Type` as HNS spells it. */
  type: string;
  description: string;
  /** Where HNS accepts it. For v1 the evidence is where clients put it (HNS v1 takes untyped policy lists). */
  locations: PolicyLocation[];
  /** v2: the `Settings` object; v1: the flat fields beside `Type`. */
  settings: Record<string, Field>;
  /** Settings keys HNS needs for this policy to mean anything. */
  required?: string[];
  /** Settings not documented anywhere: accept unknown keys. */
  open?: boolean;
  since?: SchemaVersion;
  /** HNS feature gate (hns-versions.ts) the policy needs. */
  gate?: HnsFeatureId;
  /**
   * At most one per object: true, or 'perFamily' (one per IP family, e.g. OutBoundNAT on dual-stack endpoints).
   * `error`: HNS refuses the second one (documented HRESULT); otherwise the second is at best ignored.
   */
  singleton?: { per: 'object' | 'family'; refused?: boolean };
  sources: SourceRef[];
}

export interface EnumValue {
  name: string;
  /** Integer HNS uses on the wire, where a source gives it. */
  value?: number;
  since?: SchemaVersion;
  description?: string;
  gate?: HnsFeatureId;
}

export type EnumId =
  | 'V1NetworkType'
  | 'V1PolicyType'
  | 'V1NatProtocol'
  | 'V1EndpointState'
  | 'NetworkMode'
  | 'NetworkPolicyType'
  | 'EndpointPolicyType'
  | 'SubnetPolicyType'
  | 'ActionType'
  | 'DirectionType'
  | 'RuleType'
  | 'ProtocolType'
  | 'IpamType'
  | 'SetPolicyType'
  | 'NamespaceType'
  | 'NamespaceResourceType'
  | 'LoadBalancerDistribution'
  | 'EncryptionMethod'
  | 'AuthenticationType'
  | 'IovInterruptModeration';

export interface EnumSpec {
  id: EnumId;
  description: string;
  values: EnumValue[];
  /** Largest integer accepted in place of a name (ProtocolType: any IP protocol number). */
  maxInteger: number;
  sources: SourceRef[];
}

export interface FlagBit {
  name: string;
  /** Bit value; absent where only the name is published (HNS-SCHEMA lists names without values). */
  value?: number;
  since?: SchemaVersion;
  gate?: HnsFeatureId;
  description: string;
}

export type FlagSetId =
  | 'NetworkFlags'
  | 'EndpointFlags'
  | 'SubnetFlags'
  | 'IpSubnetFlags'
  | 'NatFlags'
  | 'LoadBalancerFlags'
  | 'LoadBalancerPortMappingFlags'
  | 'V1NetworkFlags';

export interface FlagSetSpec {
  id: FlagSetId;
  description: string;
  bits: FlagBit[];
  /** Named flags without a published value exist: an unknown bit may be one of them. */
  unpublishedNames: boolean;
  sources: SourceRef[];
}

export type HnsFeatureId =
  | 'AclFeatures'
  | 'ApiV2'
  | 'RemoteSubnet'
  | 'HostRoute'
  | 'DSR'
  | 'Slash32EndpointPrefixes'
  | 'AclSupportForProtocol252'
  | 'SessionAffinity'
  | 'IPv6DualStack'
  | 'SetPolicy'
  | 'VxlanPort'
  | 'L4Proxy'
  | 'L4WfpProxy'
  | 'TierAcl'
  | 'NetworkACL'
  | 'NestedIpSet'
  | 'DisableHostPort'
  | 'ModifyLoadbalancer'
  | 'Accelnet';

/** Shorthands for the tables. */
export const str = (format?: StringFormat): FieldType => (format ? { kind: 'string', format } : { kind: 'string' });
export const bool: FieldType = { kind: 'bool' };
export const int = (bits: 8 | 16 | 32 | 64, format?: IntegerFormat): FieldType => (format ? { kind: 'int', bits, format } : { kind: 'int', bits });
export const enumOf = (id: EnumId): FieldType => ({ kind: 'enum', enum: id });
export const flagsOf = (id: FlagSetId): FieldType => ({ kind: 'flags', flags: id });
export const obj = (id: string): FieldType => ({ kind: 'object', object: id });
export const arr = (items: FieldType): FieldType => ({ kind: 'array', items });
export const any: FieldType = { kind: 'any' };
export const GUID_PATTERN = '^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$';
