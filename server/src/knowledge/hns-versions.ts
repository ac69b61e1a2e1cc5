/**
 * Which HNS features a Windows version has. Two published ladders exist and neither is tied to Windows builds
 * directly: the HNS service version (`GET /globals/version`) that hcsshim's feature gates compare against
 * (hcnglobals.go), and the HCN schema version each field was new in (HNS-SCHEMA, with a three-row map to Windows
 * releases). The Windows → HNS version table below is inferred from a few anchors and says so; checks built on
 * it therefore report at most a warning.
 */
import type { HnsFeatureId, SchemaVersion } from './hns-model';
import type { SourceRef } from './sources';
import type { WindowsVersion } from './versions';

/** An HNS service version, [major, minor]. */
export type HnsVersion = readonly [number, number];

const MAX = Number.MAX_SAFE_INTEGER;

export interface HnsFeature {
  /** The hcsshim SupportedFeatures field it stands for (hcn/hcnsupport.go; `Acl` and `Api` are AclFeatures and ApiV2 here). */
  id: HnsFeatureId;
  /** What the feature is, in words, for messages and the docs. */
  label: string;
  /** Inclusive version ranges that have it. */
  ranges: readonly (readonly [HnsVersion, HnsVersion])[];
  note?: string;
  sources: SourceRef[];
}

const from = (major: number, minor: number): readonly [HnsVersion, HnsVersion] => [
  [major, minor],
  [MAX, MAX],
];
const within = (major: number, minor: number): readonly [HnsVersion, HnsVersion] => [
  [major, minor],
  [major, MAX],
];

/** hcsshim `hcn/hcnglobals.go` (same values in microsoft/hnslib except where noted). */
export const HNS_FEATURES: Record<HnsFeatureId, HnsFeature> = {
  AclFeatures: {
    id: 'AclFeatures',
    label: 'ACL address lists, port ranges, rule IDs and host-rule priority',
    ranges: [from(7, 2)],
    note: 'HNSVersion1803 in hcsshim.',
    sources: ['HCN-GLOBALS', 'HNS-V1-CLIENT'],
  },
  ApiV2: {
    id: 'ApiV2',
    label: 'the HCN v2 API and schema',
    ranges: [from(9, 2)],
    note: 'The HCN API needs Windows 10 1809 / Windows Server 2019 (HcnCreateNetwork).',
    sources: ['HCN-GLOBALS', 'HCN-API'],
  },
  RemoteSubnet: { id: 'RemoteSubnet', label: 'RemoteSubnetRoute policies', ranges: [from(9, 2)], sources: ['HCN-GLOBALS'] },
  HostRoute: { id: 'HostRoute', label: 'HostRoute policies', ranges: [from(9, 2)], sources: ['HCN-GLOBALS'] },
  DSR: {
    id: 'DSR',
    label: 'Direct Server Return load balancers',
    ranges: [within(9, 3), from(10, 2)],
    note: 'Windows Server 2019 has it from the August 2020 update.',
    sources: ['HCN-GLOBALS', 'https://github.com/kubernetes/kubernetes/issues/93304'],
  },
  Slash32EndpointPrefixes: {
    id: 'Slash32EndpointPrefixes',
    label: 'endpoints with /32 prefixes',
    ranges: [within(9, 3), from(10, 4)],
    sources: ['HCN-GLOBALS'],
  },
  AclSupportForProtocol252: { id: 'AclSupportForProtocol252', label: 'ACLs on protocol 252 (VXLAN)', ranges: [from(11, 0)], sources: ['HCN-GLOBALS'] },
  SessionAffinity: { id: 'SessionAffinity', label: 'load-balancer session affinity', ranges: [from(12, 0)], sources: ['HCN-GLOBALS'] },
  IPv6DualStack: {
    id: 'IPv6DualStack',
    label: 'IPv4/IPv6 dual-stack',
    ranges: [from(11, 10)],
    sources: ['HCN-GLOBALS', 'https://github.com/microsoft/hcsshim/pull/1003'],
  },
  SetPolicy: { id: 'SetPolicy', label: 'SetPolicy (IP sets)', ranges: [from(13, 0)], sources: ['HCN-GLOBALS'] },
  VxlanPort: { id: 'VxlanPort', label: 'a custom VXLAN UDP port (VxlanPort)', ranges: [from(10, 3)], sources: ['HCN-GLOBALS'] },
  L4Proxy: {
    id: 'L4Proxy',
    label: 'network L4Proxy policies',
    ranges: [within(9, 5), within(10, 5), within(11, 11), within(12, 1), from(13, 1)],
    sources: ['HCN-GLOBALS'],
  },
  L4WfpProxy: {
    id: 'L4WfpProxy',
    label: 'L4WFPPROXY policies',
    ranges: [from(13, 2)],
    note: 'Shipped with Windows Server 2022; TCP over IPv4, process isolation only (2021).',
    sources: ['HCN-GLOBALS', 'HCNPROXYCTRL'],
  },
  TierAcl: { id: 'TierAcl', label: 'TierAcl policies', ranges: [from(14, 0)], sources: ['HCN-GLOBALS'] },
  NetworkACL: { id: 'NetworkACL', label: 'NetworkACL policies', ranges: [from(15, 0)], sources: ['HCN-GLOBALS'] },
  NestedIpSet: { id: 'NestedIpSet', label: 'NESTEDIPSET set policies', ranges: [from(15, 0)], sources: ['HCN-GLOBALS'] },
  DisableHostPort: { id: 'DisableHostPort', label: 'the DisableHostPort network flag', ranges: [from(15, 1)], sources: ['HCN-GLOBALS'] },
  ModifyLoadbalancer: {
    id: 'ModifyLoadbalancer',
    label: 'modifying a load balancer in place',
    ranges: [from(15, 4)],
    note: 'hcsshim says ≥ 15.4; microsoft/hnslib says 15.5–15.x and ≥ 16.0.',
    sources: ['HCN-GLOBALS', 'HNSLIB'],
  },
  Accelnet: { id: 'Accelnet', label: 'accelerated networking', ranges: [from(15, 4)], sources: ['HCN-GLOBALS'] },
};

export interface HnsVersionRange {
  /** Lowest HNS version the release is known to run (after servicing); undefined: unknown. */
  min?: HnsVersion;
  /** Highest; undefined: unknown (later servicing may raise it). */
  max?: HnsVersion;
  /** How we know. */
  basis: string;
  sources: SourceRef[];
}

/**
 * HNS versions per Windows version. Microsoft publishes no such table; these are the anchors:
 * 7.2 is named "1803" in hcsshim, so Windows Server 2016 (1607) is older; the V2 API (9.2) needs 1809, and
 * Windows Server 2019 reports 9.3 in kube-proxy logs; Windows 10 2004 reports 11.10; L4WfpProxy (13.2) ships
 * with Windows Server 2022. Nothing public pins Windows Server 2025, so only "at least Windows Server 2022" holds.
 */
export const HNS_VERSION_OF: Record<WindowsVersion, HnsVersionRange> = {
  ltsc2016: { max: [7, 1], basis: 'it predates the 1803 release that brought HNS 7.2', sources: ['HCN-GLOBALS'] },
  ltsc2019: {
    min: [9, 2],
    max: [9, MAX],
    basis: 'it reports HNS 9.x, 9.3 with the 2020 updates',
    sources: ['HCN-API', 'https://github.com/kubernetes/kubernetes/issues/93304'],
  },
  ltsc2022: { min: [13, 2], basis: 'it ships HNS 13.2, the L4WfpProxy release', sources: ['HCNPROXYCTRL'] },
  ltsc2025: { min: [13, 2], basis: 'no published anchor beyond what Windows Server 2022 has', sources: ['HCNPROXYCTRL'] },
};

/** HCN schema versions per Windows version (HNS-SCHEMA version map: 2.0 = 1809, 2.6 = 2004, 2.11 = WS2022, 2.14 = Windows 11 era). */
export const SCHEMA_VERSION_OF: Record<WindowsVersion, { max?: SchemaVersion; knownMax?: SchemaVersion; basis: string }> = {
  ltsc2016: { basis: 'Windows Server 2016 has no HCN v2 API' },
  // 1809 is 2.0 in the map; 2.1–2.2 came with releases between 1809 and 2004, so anything above 2.2 is missing.
  ltsc2019: { knownMax: '2.0', max: '2.2', basis: 'HNS-SCHEMA maps 2.0 to Windows Server 2019' },
  ltsc2022: { knownMax: '2.11', max: '2.11', basis: 'HNS-SCHEMA maps 2.11 to Windows Server 2022' },
  ltsc2025: { knownMax: '2.14', basis: 'schema 2.14 is the Windows 11 era (the map row is garbled); Windows Server 2025 is newer' },
};

export type Availability = 'yes' | 'no' | 'partial' | 'unknown';

function compare(a: HnsVersion, b: HnsVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Whether a Windows version has an HNS feature: `yes` when every HNS version it may run is in a range, `no` when
 * none is, `partial` when only some are (servicing updates decide), `unknown` when its range is open-ended and
 * only part of it qualifies.
 */
export function featureAvailability(feature: HnsFeatureId, version: WindowsVersion): Availability {
  const { min, max } = HNS_VERSION_OF[version];
  const lo: HnsVersion = min ?? [0, 0];
  const hi: HnsVersion = max ?? [MAX, MAX];
  const ranges = HNS_FEATURES[feature].ranges;
  const overlaps = ranges.some(([a, b]) => compare(a, hi) <= 0 && compare(lo, b) <= 0);
  if (!overlaps) return 'no';
  const covered = ranges.some(([a, b]) => compare(a, lo) <= 0 && compare(hi, b) <= 0);
  if (covered && min) return 'yes';
  return max ? 'partial' : 'unknown';
}

export function schemaVersionNumber(v: SchemaVersion | string): number {
  const [major, minor] = v.split('.').map(Number);
  return (major || 0) * 1000 + (minor || 0);
}

/** Whether a Windows version's HCN schema has something new in `since`. */
export function schemaAvailability(since: SchemaVersion, version: WindowsVersion): Availability {
  const entry = SCHEMA_VERSION_OF[version];
  const s = schemaVersionNumber(since);
  if (!entry.knownMax && !entry.max) return 'no';
  if (entry.knownMax && s <= schemaVersionNumber(entry.knownMax)) return 'yes';
  if (entry.max && s > schemaVersionNumber(entry.max)) return 'no';
  return entry.max ? 'partial' : 'unknown';
}

export function formatHnsVersion(v: HnsVersion): string {
  return v[1] === MAX ? `${v[0]}.x` : `${v[0]}.${v[1]}`;
}

export function describeRanges(feature: HnsFeatureId): string {
  return HNS_FEATURES[feature].ranges.map(([a, b]) => (b[0] === MAX ? `≥ ${formatHnsVersion(a)}` : `${formatHnsVersion(a)}–${formatHnsVersion(b)}`)).join(', ');
}
