/**
 * Windows network drivers and what each supports per Windows version: the capability table behind driver
 * diagnostics, hovers, completions and the docs. Each fact cites its primary sources (sources.ts). Where sources
 * disagree the entry says `disputed` and names both sides.
 */
import type { SourceRef } from './sources';
import { HNS_NETWORK_TYPES } from './hns-network-types';
import { unsupportedOption } from './unsupported';
import { NAT_DEFAULT_POOL, NAT_LOOPBACK } from './winnat';
import { atLeast, DEFAULT_WINDOWS_VERSION, WINDOWS_VERSIONS, type WindowsVersion } from './versions';

export type FeatureId =
  | 'portPublishing'
  | 'hostPortRange'
  | 'staticIp'
  | 'dhcp'
  | 'ipv6Docker'
  | 'ipv6Hns'
  | 'encryption'
  | 'httpProxy'
  | 'hotAdd'
  | 'azure'
  | 'dnsOptions'
  | 'serviceDiscovery'
  | 'multipleSubnets'
  | 'vlan'
  | 'outboundNat'
  | 'multiHost';

export type SupportLevel = 'yes' | 'no' | 'partial' | 'disputed' | 'unknown';

/** How a support level reads in hovers, completions and docs/drivers.md. */
export const LEVEL_MARK: Record<SupportLevel, string> = { yes: '✔ yes', no: '✘ no', partial: '◐ partly', disputed: '? disputed', unknown: '– unknown' };

export interface Support {
  level: SupportLevel;
  /**
   * When the level varies by version in more steps than `since`/`before` can say: the level and note for each
   * version (IPv6 in HNS, whose facts live in hns-network-types.ts).
   */
  byVersion?: (version: WindowsVersion) => { level: SupportLevel; note: string };
  /** From this version on the level applies; before it, `before` (default `no`). */
  since?: WindowsVersion;
  before?: SupportLevel;
  note: string;
  sources: SourceRef[];
}

export const FEATURES: Record<FeatureId, { label: string; description: string }> = {
  portPublishing: { label: 'Port publishing', description: 'Publishing container ports on the host (`ports:`).' },
  hostPortRange: { label: 'Host-port ranges', description: 'A range of host ports in one mapping (`"8000-8010:80"`).' },
  staticIp: { label: 'Static IPv4', description: 'A fixed `ipv4_address` inside a configured subnet.' },
  dhcp: { label: 'DHCP', description: 'Addresses from an external DHCP server.' },
  ipv6Docker: { label: 'IPv6 through Docker', description: '`enable_ipv6`, `ipv6_address`, IPv6 subnets in compose.' },
  ipv6Hns: { label: 'IPv6 in HNS', description: 'Dual-stack in HNS itself (Kubernetes, HCN documents), not reachable from Docker.' },
  encryption: { label: 'IPsec encryption', description: 'Encrypted overlay traffic (`driver_opts: {encrypted: ""}`).' },
  httpProxy: { label: 'HTTP proxy', description: 'HNS-level HTTP proxy for containers.' },
  hotAdd: { label: 'Hot-add to Hyper-V containers', description: 'Attaching a network to a running Hyper-V isolated container (`docker network connect`).' },
  azure: { label: 'On Azure VMs', description: 'Works on virtualized Azure infrastructure.' },
  dnsOptions: { label: 'DNS options', description: '`dns_opt` (resolv.conf options).' },
  serviceDiscovery: { label: 'Service discovery', description: "Docker's embedded DNS resolves service names." },
  multipleSubnets: { label: 'Multiple subnets', description: 'More than one subnet per HNS network.' },
  vlan: { label: 'VLAN', description: '`com.docker.network.windowsshim.vlanid`.' },
  outboundNat: { label: 'Outbound NAT', description: 'How containers reach outside networks.' },
  multiHost: { label: 'Multi-host', description: 'Containers on several hosts share the network.' },
};

export interface WindowsDriver {
  name: string;
  platform: 'windows';
  summary: string;
  scope: 'single-host' | 'multi-host' | 'none';
  vswitch: 'internal' | 'external' | 'none';
  documented: boolean;
  /** The HNS v1 `Type` / HCN v2 network type it creates. */
  hnsType?: string;
  notes: string[];
  features: Partial<Record<FeatureId, Support>>;
  sources: SourceRef[];
}

export interface LinuxDriver {
  name: string;
  platform: 'linux';
  /** What a Windows daemon does with it. */
  onWindows: string;
  /** Windows drivers that come closest, best first. */
  equivalents: string[];
  sources: SourceRef[];
}

const NO_DOCKER_IPV6: Support = {
  level: 'no',
  note: "Docker's `windows` IPAM driver refuses IPv6 pools, and the windowsshim driver refuses v6 subnets: `enable_ipv6` and `ipv6_address` fail on every Windows driver.",
  sources: [
    'MOBY-IPAM',
    'MOBY-WIN',
    'https://github.com/microsoft/Windows-Containers/issues/230',
    'https://github.com/microsoft/Windows-Containers/issues/522',
  ],
};
/**
 * IPv6 in HNS on a driver's network type, by version: stated once, in hns-network-types.ts (which the HNS rules
 * read), and shown here for hovers and the driver matrix.
 */
function hnsIpv6(type: string): Support {
  const verdict = (version: WindowsVersion) => {
    const v = HNS_NETWORK_TYPES[type].ipv6(version);
    return v.level === 'yes' ? { level: 'yes' as const, note: 'Dual-stack (never IPv6-only).' } : { level: v.level, note: v.message };
  };
  const sources = WINDOWS_VERSIONS.flatMap((v) => {
    const x = HNS_NETWORK_TYPES[type].ipv6(v.id);
    return x.level === 'yes' ? [] : x.sources;
  });
  return { ...verdict(DEFAULT_WINDOWS_VERSION), byVersion: verdict, sources: [...new Set(sources)] };
}

const NO_ENCRYPTION: Support = {
  level: 'no',
  note: 'IPsec encryption of container traffic is not supported on Windows.',
  sources: ['MSD-ARCH', 'MSD-SWARM'],
};
const NO_DNS_OPT: Support = {
  level: 'no',
  note: `${unsupportedOption('dns-opt').why}: \`dns_opt\` is accepted and silently ignored.`,
  sources: ['MSD-ARCH', 'MOBY-DNS'],
};
const HTTP_PROXY: Support = {
  level: 'unknown',
  note: 'Listed as unsupported by Microsoft from 2018-07 to 2021-11, then removed without explanation; HNS has proxy policies but Docker and compose expose none.',
  sources: ['MSD-HISTORY', 'MSD-ARCH'],
};
const HOT_ADD: Support = {
  level: 'yes',
  since: 'ltsc2019',
  before: 'no',
  note: 'Listed as unsupported by Microsoft from 2018-07 until 2019-11 ("changing on Windows 10 Creators Update"); dropped from the list since. On older hosts, `docker network connect` to a running Hyper-V container fails.',
  sources: ['MSD-HISTORY', 'MSD-ARCH'],
};
/** Microsoft's multi-subnet page is about HNS `IpSubnets` (several prefixes in one HNS subnet, for Calico). */
const MULTI_SUBNET: Support = {
  level: 'yes',
  since: 'ltsc2022',
  before: 'unknown',
  note: 'Several IP prefixes in one HNS subnet (`IpSubnets`, as Calico uses them) from Windows Server 2022.',
  sources: ['MSD-MULTI'],
};

export const WINDOWS_DRIVERS: Record<string, WindowsDriver> = {
  nat: {
    name: 'nat',
    platform: 'windows',
    summary: 'Default. Single-host network behind WinNAT on an internal vSwitch; publish ports to reach it.',
    scope: 'single-host',
    vswitch: 'internal',
    documented: true,
    hnsType: 'NAT',
    notes: [
      'Compose sends no driver for a network without `driver:`; a Windows daemon then creates a `nat` network.',
      `The default subnet is chosen by HNS (a /20 inside ${NAT_DEFAULT_POOL} that differs per host), not 172.16.0.0/16 as the docs say; set \`ipam.config[].subnet\` for static addresses.`,
      'NAT networks are not persisted across reboots on Windows Server 2019 and later.',
    ],
    features: {
      portPublishing: {
        level: 'yes',
        note: `WinNAT port mappings; no host IP; localhost loopback to published ports only from Windows Server 2019 (build ${NAT_LOOPBACK.reliableFromBuild}; 1803 with a fix, none on 2016 and 1709).`,
        sources: ['MSD-DRV', 'MOBY-WIN', ...NAT_LOOPBACK.sources],
      },
      hostPortRange: { level: 'no', note: '"Windows does not support more than one host port in NAT settings".', sources: ['MOBY-WIN'] },
      staticIp: {
        level: 'partial',
        note: 'Only with an explicit `ipam.config[].subnet`: the default subnet is HNS-chosen.',
        sources: ['MSD-DRV', 'https://github.com/moby/moby/pull/40186'],
      },
      dhcp: { level: 'no', note: 'HNS assigns addresses from the NAT prefix.', sources: ['MSD-DRV'] },
      ipv6Docker: NO_DOCKER_IPV6,
      ipv6Hns: hnsIpv6('nat'),
      encryption: NO_ENCRYPTION,
      httpProxy: HTTP_PROXY,
      hotAdd: HOT_ADD,
      azure: { level: 'yes', note: 'Internal vSwitch: no MAC spoofing needed.', sources: ['MSD-DRV'] },
      dnsOptions: NO_DNS_OPT,
      serviceDiscovery: {
        level: 'yes',
        note: "Docker's embedded DNS on the gateway address (local; global only with Docker EE).",
        sources: ['MSD-DRV', 'MOBY-NET'],
      },
      multipleSubnets: { level: 'no', note: 'One internal prefix per NAT network.', sources: ['MSD-MULTI'] },
      vlan: { level: 'unknown', note: 'Not documented for nat.', sources: ['MSD-ADV'] },
      outboundNat: { level: 'yes', note: 'Built in (WinNAT).', sources: ['MSD-DRV'] },
      multiHost: { level: 'no', note: 'Single host; other hosts reach containers only through published ports.', sources: ['MSD-DRV'] },
    },
    sources: ['MSD-DRV', 'MSD-ARCH'],
  },
  transparent: {
    name: 'transparent',
    platform: 'windows',
    summary: 'Containers bridged onto the physical network through an external vSwitch; addresses from the LAN (static or DHCP).',
    scope: 'single-host',
    vswitch: 'external',
    documented: true,
    hnsType: 'Transparent',
    notes: [
      'Needs MAC address spoofing when the host is a VM, so it does not work on Azure VMs.',
      'Each external network needs its own host adapter: set `com.docker.network.windowsshim.interface`.',
      'No Docker service discovery: name resolution comes from your own DNS.',
    ],
    features: {
      portPublishing: {
        level: 'no',
        note: 'Not a port forward: Microsoft enabled port forwarding for nat only ("Port forwarding is not supported on other networks"). The daemon still sends HNS a NAT policy per published port, but clients reach the container at its own LAN address, and the Windows firewall inside the container must allow the port.',
        sources: ['https://github.com/moby/moby/issues/27529', 'https://github.com/moby/moby/issues/32410', 'MSD-DRV', 'MOBY-WIN'],
      },
      hostPortRange: { level: 'no', note: '"Windows does not support more than one host port in NAT settings".', sources: ['MOBY-WIN'] },
      staticIp: { level: 'yes', note: 'Needs `subnet` and `gateway` matching the host network.', sources: ['MSD-ADV', 'MSD-DRV'] },
      dhcp: { level: 'yes', note: 'From an external DHCP server on the LAN.', sources: ['MSD-DRV'] },
      ipv6Docker: NO_DOCKER_IPV6,
      ipv6Hns: hnsIpv6('transparent'),
      encryption: NO_ENCRYPTION,
      httpProxy: HTTP_PROXY,
      hotAdd: HOT_ADD,
      azure: {
        level: 'no',
        note: '"Networking on virtualized Azure infrastructure via the transparent network driver" is unsupported.',
        sources: ['MSD-ARCH', 'MSD-DRV'],
      },
      dnsOptions: NO_DNS_OPT,
      serviceDiscovery: {
        level: 'no',
        note: 'Docker points endpoints of the Windows local drivers at its embedded DNS only on nat (overlay endpoints get it from their own driver), so service and container names do not resolve.',
        sources: ['MSD-DRV', 'MOBY-WIN'],
      },
      multipleSubnets: { level: 'unknown', note: 'Not documented for transparent.', sources: ['MSD-MULTI'] },
      vlan: { level: 'yes', note: 'Host NIC in trunk mode.', sources: ['MSD-ADV'] },
      multiHost: { level: 'partial', note: 'Containers are reachable on the LAN, but the network itself is per host.', sources: ['MSD-DRV'] },
    },
    sources: ['MSD-DRV', 'MSD-ADV'],
  },
  overlay: {
    name: 'overlay',
    platform: 'windows',
    summary: 'Multi-host VXLAN network for swarm services (and Kubernetes win-overlay); needs swarm mode.',
    scope: 'multi-host',
    vswitch: 'external',
    documented: true,
    hnsType: 'Overlay',
    notes: [
      'Creating one needs a swarm manager, unless it is an attachable network created elsewhere.',
      'Windows cannot use VXLAN IDs below 4096 (they overlap 802.1Q VLAN IDs).',
      'Routing mesh (ingress, VIP) only from Windows Server 1709/2019; on Windows Server 2016 use `endpoint_mode: dnsrr` and host-mode ports.',
      'Encryption (`encrypted`) is silently not applied on Windows nodes.',
    ],
    features: {
      portPublishing: {
        level: 'yes',
        since: 'ltsc2019',
        before: 'partial',
        note: 'Routing mesh from Windows Server 1709/2019; before that only `mode: host` ports.',
        sources: ['MSD-SWARM', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/issues/1047'],
      },
      hostPortRange: {
        level: 'partial',
        note: 'A range is accepted; Docker allocates one port from it (the overlay driver allocates ports as l2bridge does).',
        sources: ['MOBY-OV', 'MOBY-WIN'],
      },
      staticIp: { level: 'unknown', note: 'Not documented for swarm services.', sources: ['MSD-DRV'] },
      dhcp: { level: 'no', note: 'Addresses from the overlay subnet.', sources: ['MSD-DRV'] },
      ipv6Docker: NO_DOCKER_IPV6,
      ipv6Hns: hnsIpv6('overlay'),
      encryption: {
        level: 'no',
        note: 'Overlay `encrypted` is accepted, and Windows tasks run unencrypted.',
        sources: ['MSD-SWARM', 'https://github.com/moby/moby/issues/33678', 'https://github.com/docker/docs/issues/4449'],
      },
      httpProxy: HTTP_PROXY,
      hotAdd: HOT_ADD,
      azure: { level: 'yes', note: 'Encapsulated traffic needs no MAC spoofing.', sources: ['MSD-DRV'] },
      dnsOptions: NO_DNS_OPT,
      serviceDiscovery: { level: 'yes', note: 'Swarm service names resolve through the embedded DNS.', sources: ['MSD-DRV'] },
      multipleSubnets: {
        level: 'yes',
        note: 'Docker creates one HNS subnet per `ipam.config` subnet, each with its own VXLAN ID from `vxlanid_list`; several prefixes in one HNS subnet (`IpSubnets`) from Windows Server 2022.',
        sources: ['MOBY-OV', 'MSD-MULTI'],
      },
      vlan: { level: 'no', note: 'Isolation is by VSID (VXLAN ID), not VLAN.', sources: ['MSD-DRV'] },
      outboundNat: {
        level: 'yes',
        since: 'ltsc2019',
        before: 'partial',
        note: 'VFP NAT rules from Windows Server 2019; on 2016 outbound needed a second endpoint on a nat network.',
        sources: ['MSD-DRV'],
      },
      multiHost: { level: 'yes', note: 'VXLAN between hosts.', sources: ['MSD-DRV'] },
    },
    sources: ['MSD-DRV', 'MSD-SWARM', 'MOBY-OV'],
  },
  l2bridge: {
    name: 'l2bridge',
    platform: 'windows',
    summary: 'External vSwitch with the host MAC on the wire (L2 address translation); containers get IPs from a configured subnet.',
    scope: 'multi-host',
    vswitch: 'external',
    documented: true,
    hnsType: 'L2Bridge',
    notes: [
      'No DHCP: addresses always come from the configured subnet.',
      'Outbound internet needs `com.docker.network.windowsshim.enable_outboundnat: "true"`.',
      'The only driver with IPv4/IPv6 dual-stack in HNS (Kubernetes), which Docker cannot use.',
    ],
    features: {
      portPublishing: { level: 'yes', note: 'Docker allocates a single host port itself.', sources: ['MOBY-WIN'] },
      hostPortRange: { level: 'partial', note: 'A range is accepted; Docker allocates one port from it.', sources: ['MOBY-WIN'] },
      staticIp: { level: 'yes', note: 'From the configured subnet.', sources: ['MSD-DRV', 'MSD-ADV'] },
      dhcp: { level: 'no', note: 'Not supported.', sources: ['MSD-ADV'] },
      ipv6Docker: NO_DOCKER_IPV6,
      ipv6Hns: hnsIpv6('l2bridge'),
      encryption: NO_ENCRYPTION,
      httpProxy: HTTP_PROXY,
      hotAdd: HOT_ADD,
      azure: { level: 'yes', note: 'Used by Azure CNI.', sources: ['K8S-WIN'] },
      dnsOptions: NO_DNS_OPT,
      serviceDiscovery: {
        level: 'partial',
        note: 'Only through kube-dns (Kubernetes): Docker points l2bridge endpoints at no embedded DNS, so compose service names do not resolve.',
        sources: ['MSD-DRV', 'MOBY-WIN'],
      },
      multipleSubnets: MULTI_SUBNET,
      vlan: { level: 'yes', note: '`vlanid` option.', sources: ['MSD-ADV'] },
      outboundNat: { level: 'yes', note: 'Via `enable_outboundnat` (and `outboundnat_exceptions`).', sources: ['MSD-ADV'] },
      multiHost: {
        level: 'yes',
        since: 'ltsc2019',
        before: 'partial',
        note: 'Cross-subnet multi-node routing through the management vNIC from 1809.',
        sources: ['MSD-DRV'],
      },
    },
    sources: ['MSD-DRV', 'MSD-ADV', 'K8S-WIN'],
  },
  l2tunnel: {
    name: 'l2tunnel',
    platform: 'windows',
    summary: 'Like l2bridge, but all traffic is hair-pinned to the Azure host for SDN policy: Microsoft cloud only.',
    scope: 'multi-host',
    vswitch: 'external',
    documented: true,
    hnsType: 'L2Tunnel',
    notes: ['Use only in the Microsoft cloud stack; addresses come from the plugin (Azure CNI).'],
    features: {
      portPublishing: { level: 'yes', note: 'Docker allocates a single host port itself.', sources: ['MOBY-WIN'] },
      hostPortRange: { level: 'partial', note: 'A range is accepted; Docker allocates one port from it.', sources: ['MOBY-WIN'] },
      staticIp: { level: 'unknown', note: 'Addresses come from the Azure plugin.', sources: ['MSD-DRV'] },
      dhcp: { level: 'no', note: 'Not documented.', sources: ['MSD-DRV'] },
      ipv6Docker: NO_DOCKER_IPV6,
      ipv6Hns: hnsIpv6('l2tunnel'),
      encryption: NO_ENCRYPTION,
      httpProxy: HTTP_PROXY,
      hotAdd: HOT_ADD,
      azure: { level: 'yes', note: 'Azure only.', sources: ['MSD-DRV'] },
      dnsOptions: NO_DNS_OPT,
      serviceDiscovery: {
        level: 'no',
        note: "Not in Microsoft's table; Docker points endpoints of the Windows local drivers at its embedded DNS only on nat, so service names do not resolve through Docker.",
        sources: ['MOBY-WIN', 'MSD-DRV'],
      },
      multipleSubnets: MULTI_SUBNET,
      vlan: { level: 'unknown', note: 'Not documented.', sources: ['MSD-ADV'] },
      outboundNat: { level: 'unknown', note: 'Handled by Azure SDN.', sources: ['MSD-DRV'] },
      multiHost: { level: 'yes', note: 'Through the Azure host.', sources: ['MSD-DRV'] },
    },
    sources: ['MSD-DRV'],
  },
  ics: {
    name: 'ics',
    platform: 'windows',
    summary: 'Undocumented. Internet Connection Sharing network (Hyper-V\'s "Default Switch" appears as one); no Docker DNS.',
    scope: 'single-host',
    vswitch: 'internal',
    documented: false,
    hnsType: 'ICS',
    notes: ['Docker does not start its DNS resolver on ics networks.'],
    features: {
      hostPortRange: { level: 'no', note: '"Windows does not support more than one host port in NAT settings".', sources: ['MOBY-WIN'] },
      ipv6Docker: NO_DOCKER_IPV6,
      dnsOptions: NO_DNS_OPT,
      serviceDiscovery: { level: 'no', note: 'No embedded DNS resolver on ics.', sources: ['MOBY-NET'] },
    },
    sources: ['MOBY-NET', 'https://github.com/laradock/laradock/issues/1526'],
  },
  internal: {
    name: 'internal',
    platform: 'windows',
    summary: 'Undocumented HNS network type; Docker registers the driver but does not adopt such networks at startup.',
    scope: 'single-host',
    vswitch: 'internal',
    documented: false,
    hnsType: 'Internal',
    notes: ['Not to be confused with the `internal: true` network option, which has no effect on Windows.'],
    features: { ipv6Docker: NO_DOCKER_IPV6, dnsOptions: NO_DNS_OPT },
    sources: ['MOBY-WIN', 'https://github.com/docker/for-win/issues/8367'],
  },
  private: {
    name: 'private',
    platform: 'windows',
    summary: 'Undocumented HNS network type on a private vSwitch; Docker does not adopt such networks at startup.',
    scope: 'single-host',
    vswitch: 'internal',
    documented: false,
    hnsType: 'Private',
    notes: [],
    features: { ipv6Docker: NO_DOCKER_IPV6, dnsOptions: NO_DNS_OPT },
    sources: ['MOBY-WIN'],
  },
  null: {
    name: 'null',
    platform: 'windows',
    summary: 'No networking (the `none` network).',
    scope: 'none',
    vswitch: 'none',
    documented: true,
    notes: [],
    features: {},
    sources: ['MOBY-NET'],
  },
};

export const LINUX_DRIVERS: Record<string, LinuxDriver> = {
  bridge: {
    name: 'bridge',
    platform: 'linux',
    onWindows:
      'Not registered on Windows: the daemon looks for a plugin of that name and fails with `could not find plugin bridge in v1 plugin registry: plugin not found`.',
    equivalents: ['nat'],
    sources: ['MOBY-NET', 'https://github.com/docker/for-win/issues/13927', 'https://github.com/docker/for-win/issues/2109'],
  },
  host: {
    name: 'host',
    platform: 'linux',
    onWindows: 'There is no host network on Windows ("host mode networking" is unsupported): the daemon answers `network host not found`.',
    equivalents: ['nat'],
    sources: ['MSD-ARCH', 'MOBY-HC', 'https://github.com/moby/moby/issues/38166'],
  },
  macvlan: {
    name: 'macvlan',
    platform: 'linux',
    onWindows: 'Not registered on Windows: the plugin lookup fails with `plugin not found`.',
    equivalents: ['transparent', 'l2bridge'],
    sources: ['MOBY-NET', 'MSD-DRV'],
  },
  ipvlan: {
    name: 'ipvlan',
    platform: 'linux',
    onWindows: 'Not registered on Windows: the plugin lookup fails with `plugin not found`.',
    equivalents: ['l2bridge', 'transparent'],
    sources: ['MOBY-NET', 'MSD-DRV'],
  },
};

/** Drivers that exist only on Windows daemons (evidence that a file targets Windows). */
export const WINDOWS_ONLY_DRIVERS = ['nat', 'transparent', 'l2bridge', 'l2tunnel', 'ics', 'internal', 'private'] as const;

/**
 * The registered name a written driver name means: a Windows or Linux driver name in another case (`NAT`,
 * `Transparent`, `Bridge`) is the driver the author meant, which Docker refuses for its spelling (the
 * `driver-name-case` and `linux-driver` rules say so). Any other name is returned as written.
 */
export function intendedDriverName(written: string): string {
  const lower = written.toLowerCase();
  return Object.hasOwn(WINDOWS_DRIVERS, lower) || Object.hasOwn(LINUX_DRIVERS, lower) ? lower : written;
}

/** The Windows driver registered under exactly this name, if any (Docker matches driver names case-sensitively). */
export function windowsDriver(name: string | undefined): WindowsDriver | undefined {
  if (name === undefined) return undefined;
  return Object.hasOwn(WINDOWS_DRIVERS, name) ? WINDOWS_DRIVERS[name] : undefined;
}

export function linuxDriver(name: string | undefined): LinuxDriver | undefined {
  if (name === undefined) return undefined;
  return Object.hasOwn(LINUX_DRIVERS, name) ? LINUX_DRIVERS[name] : undefined;
}

/** The support level of `feature` on `driver` for a Windows version, with its note and sources. */
export function supportOf(driver: WindowsDriver, feature: FeatureId, version: WindowsVersion): Support | undefined {
  const entry = driver.features[feature];
  if (!entry) return undefined;
  if (entry.byVersion) return { ...entry, ...entry.byVersion(version) };
  if (entry.since && !atLeast(version, entry.since)) return { ...entry, level: entry.before ?? 'no' };
  return entry;
}
