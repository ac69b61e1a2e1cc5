/**
 * Driver options the Windows network driver reads (`com.docker.network.windowsshim.*`) and the related ones a
 * Windows compose file carries. Names from moby `labels.go`; parsing from `parseNetworkOptions`; driver
 * applicability from Microsoft's advanced-networking page.
 */
import type { SourceRef } from './sources';
import { checkVlanId, VLAN_ID_RANGE, type ValueKind, type ValueProblem } from './values';

export const WINDOWSSHIM_PREFIX = 'com.docker.network.windowsshim.';

export type OptionStatus =
  /** Read by the driver and applied. */
  | 'supported'
  /** Defined in the driver but never applied: accepted and silently ignored. */
  | 'ignored'
  /** Set by Docker itself; a user value changes what Docker does in ways the docs do not describe. */
  | 'internal';

export interface DriverOption {
  key: string;
  meaning: string;
  value: ValueKind;
  /** A check of a value the daemon parses, beyond what its kind checks (the VLAN ID range). */
  check?: (value: string) => ValueProblem | undefined;
  valueHelp: string;
  /** Drivers the option applies to; undefined = all Windows drivers. */
  drivers?: string[];
  /** How sure we are that the option does nothing elsewhere: warning (no effect) or information (docs and code disagree). */
  driverMismatch?: 'warning' | 'information';
  status: OptionStatus;
  /** Another option this one needs, with the value it needs. */
  requires?: { key: string; value: boolean };
  /** Where the option belongs: a network's driver_opts (default) or a service's endpoint driver_opts. */
  level?: 'network' | 'endpoint';
  example?: string;
  notes?: string;
  sources: SourceRef[];
}

const W = WINDOWSSHIM_PREFIX;

export const DRIVER_OPTIONS: DriverOption[] = [
  {
    key: `${W}networkname`,
    meaning: 'Name given to the HNS network (default: the Docker network ID).',
    value: 'string',
    valueHelp: 'any string',
    status: 'supported',
    example: '"cbr0"',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}interface`,
    meaning: 'Host network adapter (Get-NetAdapter name) the external vSwitch binds to; HNS `NetworkAdapterName`. Each external network needs its own.',
    value: 'string',
    valueHelp: 'adapter name, e.g. "Ethernet 2"',
    drivers: ['transparent', 'l2bridge', 'l2tunnel', 'overlay'],
    driverMismatch: 'warning',
    status: 'supported',
    example: '"Ethernet 2"',
    notes: 'A nat network uses an internal vSwitch, bound to no adapter.',
    sources: ['MSD-ADV', 'MOBY-WIN', 'MOBY-OV'],
  },
  {
    key: `${W}vlanid`,
    meaning: 'VLAN ID for the network (HNS VLAN policy); the host NIC must be in trunk mode.',
    value: 'uint32',
    check: checkVlanId,
    valueHelp: `decimal VLAN ID, ${VLAN_ID_RANGE.min}–${VLAN_ID_RANGE.max} (0 sets none)`,
    drivers: ['transparent', 'l2bridge'],
    driverMismatch: 'warning',
    status: 'supported',
    example: '"11"',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}vsid`,
    meaning: 'Virtual subnet ID (HNS VSID policy), for SDN-style networks.',
    value: 'uint32',
    valueHelp: 'decimal VSID',
    status: 'supported',
    notes: 'Undocumented for users; overlay networks set their VSIDs from `vxlanid_list`.',
    sources: ['MOBY-WIN', 'MOBY-LABELS'],
  },
  {
    key: `${W}dnssuffix`,
    meaning: 'DNS suffix for the network (HNS `DNSSuffix`).',
    value: 'string',
    valueHelp: 'a DNS suffix, e.g. "corp.example"',
    status: 'supported',
    example: '"corp.example"',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}dnsservers`,
    meaning: 'DNS servers for the network (HNS `DNSServerList`).',
    value: 'ipList',
    valueHelp: 'comma-separated IP addresses',
    status: 'supported',
    example: '"10.10.0.10,10.10.0.11"',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}macpool`,
    meaning: 'MAC address pool(s) for endpoints (HNS `MacPools`).',
    value: 'macPool',
    valueHelp: 'comma-separated start,end pairs',
    status: 'supported',
    example: '"00-15-5D-00-00-00,00-15-5D-00-FF-FF"',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}disable_gatewaydns`,
    meaning: "Do not point endpoints at Docker's embedded DNS on the gateway address.",
    value: 'bool',
    valueHelp: '"true" or "false" (quoted)',
    drivers: ['nat'],
    driverMismatch: 'information',
    status: 'supported',
    example: '"true"',
    notes: "Only meaningful where Docker's internal DNS is used.",
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}enable_outboundnat`,
    meaning: 'Add an HNS OutBoundNAT policy to every endpoint, so containers reach outside networks through the host address.',
    value: 'bool',
    valueHelp: '"true" or "false" (quoted)',
    drivers: ['l2bridge'],
    driverMismatch: 'information',
    status: 'supported',
    example: '"true"',
    notes: 'Documented for l2bridge; the driver code applies it to any windowsshim network.',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}outboundnat_exceptions`,
    meaning: 'Destinations that bypass outbound NAT (the OutBoundNAT policy `ExceptionList`).',
    value: 'cidrOrIpList',
    valueHelp: 'comma-separated CIDRs or IPs',
    drivers: ['l2bridge'],
    driverMismatch: 'information',
    status: 'supported',
    requires: { key: `${W}enable_outboundnat`, value: true },
    example: '"10.244.0.0/16,10.96.0.0/12"',
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  {
    key: `${W}sourcemac`,
    meaning: 'Intended to set the HNS `SourceMac`.',
    value: 'string',
    valueHelp: 'a MAC address',
    status: 'ignored',
    notes: 'Defined in the driver but never parsed, in the current and the 2021 code: silently ignored.',
    sources: ['MOBY-WIN', 'MOBY-LABELS'],
  },
  {
    key: `${W}routingdomain`,
    meaning: 'Routing domain ID.',
    value: 'string',
    valueHelp: 'a routing domain ID',
    status: 'ignored',
    notes: 'Parsed into the driver configuration but never sent to HNS.',
    sources: ['MOBY-WIN'],
  },
  {
    key: `${W}hnsid`,
    meaning:
      'HNS network GUID. Docker sets it; a user value makes Docker adopt that existing HNS network instead of creating one, and then treat it as its own: it deletes the endpoints already on that HNS network when the network is created, and deletes the HNS network itself when the network is removed (`docker network rm`, `docker compose down`).',
    value: 'string',
    valueHelp: 'an HNS network GUID',
    status: 'internal',
    notes: 'The overlay driver ignores it and creates a new HNS network.',
    sources: ['MOBY-WIN', 'MOBY-OV'],
  },
  {
    key: `${W}hnsowned`,
    meaning: 'Marks networks Docker found on the host, so `docker network prune` skips them. Set by Docker.',
    value: 'string',
    valueHelp: '"true"',
    status: 'internal',
    sources: ['MOBY-NET', 'MOBY-D'],
  },
  {
    key: `${W}disableicc`,
    meaning: 'Endpoint option: disable inter-container communication. Docker sets it for its gateway endpoint.',
    value: 'bool',
    valueHelp: 'internal',
    status: 'internal',
    level: 'endpoint',
    notes: 'The driver expects a Go boolean; endpoint `driver_opts` always reach it as strings, which it refuses with "Invalid endpoint configuration".',
    sources: ['MOBY-WIN', 'MOBY-DNET'],
  },
  {
    key: `${W}disable_dns`,
    meaning: 'Endpoint option: do not use the internal DNS. Set by Docker.',
    value: 'bool',
    valueHelp: 'internal',
    status: 'internal',
    level: 'endpoint',
    notes: 'The driver expects a Go boolean; endpoint `driver_opts` always reach it as strings, which it refuses with "Invalid endpoint configuration".',
    sources: ['MOBY-WIN', 'MOBY-DNET'],
  },
  {
    key: 'com.docker.endpoint.windowsshim.qospolicies',
    meaning: 'Endpoint QoS policies (HNS QOS). Internal typed value, not settable from compose.',
    value: 'string',
    valueHelp: 'internal',
    status: 'internal',
    level: 'endpoint',
    notes: 'The driver expects a list of QoS policies; a string makes it refuse the endpoint with "Invalid endpoint configuration".',
    sources: ['MOBY-WIN'],
  },
  {
    key: 'com.docker.network.endpoint.macaddress',
    meaning: 'Endpoint option: the MAC address. Docker sets it from `mac_address`.',
    value: 'string',
    valueHelp: 'internal',
    status: 'internal',
    level: 'endpoint',
    notes:
      'The driver expects a parsed MAC address; written in `driver_opts` it arrives as a string, which it refuses with "Invalid endpoint configuration". Use `mac_address` instead.',
    sources: ['MOBY-WIN', 'MOBY-DNET'],
  },
  {
    key: 'com.docker.network.endpoint.dnsservers',
    meaning: 'Endpoint option: DNS servers. Docker sets it from `dns:`.',
    value: 'string',
    valueHelp: 'internal',
    status: 'internal',
    level: 'endpoint',
    notes:
      'The driver expects a list of strings; written in `driver_opts` it arrives as one string, which it refuses with "Invalid endpoint configuration". Use `dns:` instead.',
    sources: ['MOBY-WIN', 'MOBY-DNET'],
  },
  {
    key: 'com.docker.network.driver.overlay.vxlanid_list',
    meaning: 'VXLAN IDs (VNIs) for the overlay subnets, one per subnet.',
    value: 'vniList',
    valueHelp: 'comma-separated VNIs, each 4096 or more on Windows',
    drivers: ['overlay'],
    driverMismatch: 'warning',
    status: 'supported',
    example: '"4097"',
    notes: 'VXLAN IDs 0–4095 overlap 802.1Q VLAN IDs and are not supported on Windows.',
    sources: ['MOBY-OV', 'MOBY-OVMGR', 'K8S-WIN'],
  },
];

/** Option prefixes and keys that only Linux drivers read. */
export const LINUX_ONLY_OPTIONS: { match: (key: string) => boolean; label: string; note: string; sources: SourceRef[] }[] = [
  {
    match: (k) => k.startsWith('com.docker.network.bridge.'),
    label: 'com.docker.network.bridge.*',
    note: 'options of the Linux `bridge` driver, which Windows does not have',
    sources: ['MOBY-NET', 'CS-NET'],
  },
  {
    match: (k) => k === 'com.docker.network.driver.mtu',
    label: 'com.docker.network.driver.mtu',
    note: 'the MTU is not configurable for Windows networks (the Windows driver does not parse this option)',
    sources: ['MOBY-WIN'],
  },
  { match: (k) => k === 'parent', label: 'parent', note: 'the parent interface of Linux `macvlan`/`ipvlan` networks', sources: ['MOBY-NET'] },
  {
    match: (k) => k.startsWith('com.docker.network.driver.overlay.') && k !== 'com.docker.network.driver.overlay.vxlanid_list',
    label: 'com.docker.network.driver.overlay.*',
    note: 'Linux overlay driver options the Windows overlay driver does not read',
    sources: ['MOBY-OV'],
  },
];

/**
 * The only options the Windows overlay driver reads (`drivers/windows/overlay/ov_network_windows.go`
 * CreateNetwork): every other windowsshim option on an overlay network is ignored, since its HNS request carries
 * no DNS, MAC pool, VLAN or outbound NAT settings. It reads `hnsid` and then creates a new HNS network anyway.
 */
export const OVERLAY_READS = [`${W}networkname`, `${W}interface`, `${W}hnsid`, 'com.docker.network.driver.overlay.vxlanid_list'];

const BY_KEY = new Map(DRIVER_OPTIONS.map((o) => [o.key, o]));

export function driverOption(key: string): DriverOption | undefined {
  return BY_KEY.get(key);
}
