/**
 * What each HNS network type needs and supports: the facts behind the per-type HNS rules and the `Type` hover.
 * IPv6 support per type follows the product rule: dual-stack (never IPv6-only) on L2Bridge from the version the
 * sources give, self-assigned only on Transparent, none on NAT, Overlay disputed.
 */
import type { SourceRef } from './sources';
import type { WindowsVersion } from './versions';
import { atLeast } from './versions';
import { NAT_DEFAULT_POOL } from './winnat';

export type Ipv6Verdict =
  | { level: 'yes' }
  | { level: 'no' | 'partial' | 'disputed' | 'unknown'; message: string; severity: 'error' | 'warning' | 'information'; sources: SourceRef[] };

export interface HnsNetworkType {
  name: string;
  summary: string;
  /** External vSwitch bound to a host adapter: name the adapter, or HNS picks an unbound one. */
  externalAdapter: boolean;
  /** HNS allows load balancers / ELB policies here ("SDN" networks). */
  loadBalancers: 'yes' | 'no' | 'unknown';
  /** Every subnet needs a VSID (overlay). */
  needsVsid: boolean;
  ipv6(version: WindowsVersion): Ipv6Verdict;
  notes: string[];
  sources: SourceRef[];
}

const IPV6_DOCS: SourceRef[] = ['MSD-ARCH', 'https://github.com/microsoft/Windows-Containers/issues/522'];

const unknownIpv6 = (name: string): Ipv6Verdict => ({
  level: 'unknown',
  severity: 'information',
  message: `No source says whether ${name} networks carry IPv6; Microsoft documents IPv6 (dual-stack) for L2Bridge only.`,
  sources: IPV6_DOCS,
});

export const HNS_NETWORK_TYPES: Record<string, HnsNetworkType> = {
  nat: {
    name: 'NAT',
    summary: 'Single-host network behind WinNAT on an internal vSwitch; publish ports to reach containers.',
    externalAdapter: false,
    loadBalancers: 'no',
    needsVsid: false,
    ipv6: () => ({
      level: 'no',
      severity: 'warning',
      message: 'NAT networks have no IPv6 on Windows (every revision of the Microsoft docs since 2019; Microsoft in 2025: NAT support is "later").',
      sources: [...IPV6_DOCS, 'https://github.com/microsoft/Windows-Containers/issues/75'],
    }),
    notes: [
      `Without subnets HNS picks a /20 inside ${NAT_DEFAULT_POOL} that differs per host.`,
      'Not persisted across reboots on Windows Server 2019 and later (Flags 8).',
      'Load balancers (ELB) are refused: NAT is not an "SDN" network.',
    ],
    sources: ['MSD-DRV', 'MSD-ARCH', 'https://github.com/microsoft/hcsshim/pull/705'],
  },
  ics: {
    name: 'ICS',
    summary: 'Internet Connection Sharing (the Hyper-V "Default Switch").',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('ICS'),
    notes: ['`AdditionalParams.ICSFlags` and an InterfaceConstraint policy are optional.'],
    sources: ['SDN-V2'],
  },
  transparent: {
    name: 'Transparent',
    summary: 'Containers are bridged onto the physical network through an external vSwitch; addresses from the LAN (static or DHCP).',
    externalAdapter: true,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: (version) =>
      atLeast(version, 'ltsc2022')
        ? {
            level: 'partial',
            severity: 'information',
            message:
              'Transparent networks carry IPv6 with self-assigned addresses only: HNS assigns no IPv6 addresses and applies no load balancing or ACLs to them (Microsoft docs, 2024).',
            sources: ['MSD-ARCH'],
          }
        : {
            level: 'no',
            severity: 'warning',
            message: 'IPv6 on Transparent networks is documented from Windows Server 2022 only (self-assigned addresses).',
            sources: ['MSD-ARCH'],
          },
    notes: ['Needs MAC address spoofing when the host is a VM; not supported on Azure VMs.', 'Each external network needs its own host adapter.'],
    sources: ['MSD-DRV', 'MSD-ADV', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/pull/595'],
  },
  l2bridge: {
    name: 'L2Bridge',
    summary: 'External vSwitch; container MACs are rewritten to the host MAC. Kubernetes host-gw and dual-stack.',
    externalAdapter: true,
    loadBalancers: 'yes',
    needsVsid: false,
    ipv6: (version) =>
      atLeast(version, 'ltsc2022')
        ? { level: 'yes' }
        : version === 'ltsc2019'
          ? {
              level: 'disputed',
              severity: 'information',
              message:
                'IPv6 (dual-stack) on L2Bridge is documented from Windows Server 2022; Microsoft also said it was backported to Windows Server 2019 in the October 2020 update, and hcsshim gates dual-stack at HNS 11.10.',
              sources: ['MSD-ARCH', 'https://github.com/microsoft/Windows-Containers/issues/75', 'HCN-GLOBALS'],
            }
          : {
              level: 'no',
              severity: 'warning',
              message: 'Windows Server 2016 has no IPv6 on L2Bridge (dual-stack needs HNS 11.10; the docs say Windows Server 2022).',
              sources: ['MSD-ARCH', 'HCN-GLOBALS'],
            },
    notes: [
      'Static IPAM subnets with a default route; no DHCP.',
      'Outbound internet needs an OutBoundNAT policy.',
      'Several subnets per network from Windows Server 2022.',
    ],
    sources: ['MSD-DRV', 'MSD-ADV', 'MSD-MULTI', 'K8S-DS', 'HCSSHIM'],
  },
  l2tunnel: {
    name: 'L2Tunnel',
    summary: 'Like L2Bridge, with all traffic hair-pinned to the Azure host where SDN policy applies. Azure only.',
    externalAdapter: true,
    loadBalancers: 'yes',
    needsVsid: false,
    ipv6: () => unknownIpv6('L2Tunnel'),
    notes: ['Use only in the Microsoft cloud stack.'],
    sources: ['MSD-DRV', 'K8S-WIN'],
  },
  overlay: {
    name: 'Overlay',
    summary: 'VXLAN overlay across hosts (swarm, Kubernetes win-overlay); one VSID (VNI ≥ 4096) per subnet.',
    externalAdapter: false,
    loadBalancers: 'yes',
    needsVsid: true,
    ipv6: () => ({
      level: 'disputed',
      severity: 'information',
      message:
        'Microsoft docs and Kubernetes say Overlay networks have no IPv6; Microsoft said in 2021 it works on builds 22410 and later. Treat it as unverified.',
      sources: ['MSD-ARCH', 'K8S-DS', 'https://github.com/microsoft/Windows-Containers/issues/82'],
    }),
    notes: ['Every subnet needs a VSID subnet policy.', 'Remote endpoints need a ProviderAddress (PA) policy.', 'No encryption.'],
    sources: ['MSD-DRV', 'MOBY-OV', 'HCSSHIM'],
  },
  private: {
    name: 'Private',
    summary: 'Private vSwitch; Docker does not adopt it.',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('Private'),
    notes: [],
    sources: ['MOBY-WIN'],
  },
  internal: {
    name: 'Internal',
    summary: 'Internal vSwitch; Docker does not adopt it.',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('Internal'),
    notes: [],
    sources: ['MOBY-WIN'],
  },
  mirrored: {
    name: 'Mirrored',
    summary: 'Flow Steering Engine (schema 2.4); Docker skips it.',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('Mirrored'),
    notes: [],
    sources: ['HNS-SCHEMA', 'MOBY-WIN'],
  },
  infiniband: {
    name: 'Infiniband',
    summary: 'InfiniBand (schema 2.4).',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('Infiniband'),
    notes: [],
    sources: ['HNS-SCHEMA'],
  },
  constrainedics: {
    name: 'ConstrainedICS',
    summary: 'ICS constrained to an interface (schema 2.10).',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('ConstrainedICS'),
    notes: [],
    sources: ['HNS-SCHEMA'],
  },
  layered: {
    name: 'Layered',
    summary: 'Accepted by the v1 PowerShell helpers only (undocumented).',
    externalAdapter: false,
    loadBalancers: 'unknown',
    needsVsid: false,
    ipv6: () => unknownIpv6('Layered'),
    notes: [],
    sources: ['SDN-V1'],
  },
};

/** "a NAT network", "an L2Bridge network", "an Overlay network". */
export function withArticle(name: string): string {
  return /^(L2|[AEIOU]|ICS)/.test(name) ? `an ${name}` : `a ${name}`;
}

/** NetworkMode integers: only NAT = 0 is published (HCN sample, hcsshim). */
const BY_ORDINAL: Record<number, string> = { 0: 'nat' };

/** The network type a `Type` value names (any case, or an integer), or undefined (an absent `Type` included: no source says what HNS makes of it). */
export function hnsNetworkType(value: string | number | undefined): HnsNetworkType | undefined {
  if (typeof value === 'number') return BY_ORDINAL[value] ? HNS_NETWORK_TYPES[BY_ORDINAL[value]] : undefined;
  if (typeof value !== 'string') return undefined;
  return HNS_NETWORK_TYPES[value.toLowerCase()];
}
