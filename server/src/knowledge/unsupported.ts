/**
 * Microsoft's list of unsupported networking features and `docker run` / `docker network create` options
 * (architecture page, unchanged since 2018-03 for the option table), mapped to the compose keys that send them,
 * with what the Windows daemon actually does today. Drives the hovers on those keys and the rule pages. Below it,
 * the service options the list leaves out that the daemon refuses or ignores all the same (DAEMON_OPTIONS).
 */
import type { SourceRef } from './sources';

export interface UnsupportedOption {
  /** The Docker CLI flag as Microsoft lists it. */
  flag: string;
  command: 'docker run' | 'docker network create';
  /** The compose key path that sends it (`*` = any name). */
  composePath: string;
  /** What happens on a Windows daemon. */
  outcome: 'rejected' | 'ignored' | 'partly';
  behaviour: string;
  /** Why, in a clause the hovers, the driver table and the rule message share (stated here only). */
  why?: string;
  rule: string;
  history: string;
  sources: SourceRef[];
}

/** The one place the reason `dns_opt` does nothing is written (moby `daemon/libnetwork/sandbox_dns_windows.go`). */
const NO_RESOLV_CONF = 'Windows containers have no resolv.conf';

const LISTED = 'In the list since the 2017-04 revision; the table has kept its shape since 2018-03.';

export const UNSUPPORTED_OPTIONS: UnsupportedOption[] = [
  {
    flag: '--ip6',
    command: 'docker run',
    composePath: 'services.*.networks.*.ipv6_address',
    outcome: 'rejected',
    behaviour: 'No Windows network can carry an IPv6 subnet, so the endpoint fails: `no configured subnet contains IP address`.',
    rule: 'ipv6-address',
    history: LISTED,
    sources: ['MSD-ARCH', 'MOBY-D'],
  },
  {
    flag: '--dns-option',
    command: 'docker run',
    composePath: 'services.*.dns_opt',
    outcome: 'ignored',
    behaviour: `Passed to the daemon and never applied: ${NO_RESOLV_CONF}.`,
    why: NO_RESOLV_CONF,
    rule: 'dns-opt',
    history: 'Unsupported since the 2016 revision (`--dns-opt`).',
    sources: ['MSD-ARCH', 'MOBY-DNS'],
  },
  {
    flag: '--aux-address',
    command: 'docker network create',
    composePath: 'networks.*.ipam.config[].aux_addresses',
    outcome: 'ignored',
    behaviour: 'The `windows` IPAM driver echoes the addresses and the driver ignores them.',
    rule: 'aux-addresses',
    history: 'Unsupported since the 2016 revision.',
    sources: ['MSD-ARCH', 'MOBY-IPAM'],
  },
  {
    flag: '--internal',
    command: 'docker network create',
    composePath: 'networks.*.internal',
    outcome: 'ignored',
    behaviour:
      'No Windows driver reads it, so the network is not isolated; the daemon still publishes no ports on it and gives its endpoints no `dns:` servers (code reading).',
    rule: 'internal-network',
    history: 'Unsupported since the 2016 revision.',
    sources: ['MSD-ARCH', 'MOBY-WIN', 'MOBY-DNET'],
  },
  {
    flag: '--ip-range',
    command: 'docker network create',
    composePath: 'networks.*.ipam.config[].ip_range',
    outcome: 'rejected',
    behaviour:
      "The `windows` IPAM driver refuses sub-pools: `this request is not supported by the 'windows' ipam driver` (older engines: `...null ipam driver`). Overlay uses the default IPAM.",
    rule: 'ip-range',
    history: 'Unsupported since the 2016 revision.',
    sources: ['MSD-ARCH', 'MOBY-IPAM'],
  },
  {
    flag: '--ipam-driver',
    command: 'docker network create',
    composePath: 'networks.*.ipam.driver',
    outcome: 'partly',
    behaviour:
      '`default` is mapped to `windows`; `windows` and `null` are built in; any other name triggers a plugin lookup, which fails unless such a plugin is installed. The docs call the option unsupported, which is too strong.',
    rule: 'ipam-driver',
    history: LISTED,
    sources: ['MSD-ARCH', 'MOBY-NET', 'https://github.com/laradock/laradock/issues/1526'],
  },
  {
    flag: '--ipam-opt',
    command: 'docker network create',
    composePath: 'networks.*.ipam.options',
    outcome: 'ignored',
    behaviour: 'Ignored by the `windows` IPAM driver (code reading).',
    rule: 'ipam-options',
    history: LISTED,
    sources: ['MSD-ARCH', 'MOBY-IPAM'],
  },
  {
    flag: '--ipv6',
    command: 'docker network create',
    composePath: 'networks.*.enable_ipv6',
    outcome: 'rejected',
    behaviour:
      "On the Windows local drivers the network fails: the `windows` IPAM driver refuses IPv6 pools (`this request is not supported by the 'windows' ipam driver`; engines before 27: `...null ipam driver`), and with another IPAM the driver refuses with `windowsshim driver doesn't support v6 subnets`. On overlay the network is created and Windows tasks get IPv4 only.",
    rule: 'enable-ipv6',
    history: LISTED,
    sources: ['MSD-ARCH', 'MOBY-IPAM', 'MOBY-WIN', 'https://github.com/microsoft/Windows-Containers/issues/230'],
  },
  {
    flag: '--opt encrypted',
    command: 'docker network create',
    composePath: 'networks.*.driver_opts.encrypted',
    outcome: 'ignored',
    behaviour: 'The overlay network is created and Windows tasks on it run unencrypted: the Windows overlay driver never reads the option.',
    rule: 'overlay-encrypted',
    history: 'Listed since the 2017-04 revision (as a docker service option).',
    sources: ['MSD-ARCH', 'MSD-SWARM', 'https://github.com/moby/moby/issues/33678'],
  },
];

export function unsupportedOption(rule: string): UnsupportedOption {
  const entry = UNSUPPORTED_OPTIONS.find((o) => o.rule === rule);
  if (!entry) throw new Error(`no unsupported-option entry for rule ${rule}`);
  return entry;
}

/** The feature bullets of the same list, with their revision history (the page's git history). */
export const UNSUPPORTED_FEATURE_HISTORY: { feature: string; history: string }[] = [
  { feature: 'IPsec encryption of container communication', history: 'Added 2018-07-02; still listed.' },
  { feature: 'HTTP proxy support for containers', history: 'Added 2018-07-02 (hcsshim PR 163 as preliminary work); removed 2021-11-12 without explanation.' },
  {
    feature: 'Attaching endpoints to running Hyper-V containers (hot-add)',
    history: 'Noted as "changing on Windows 10 Creators Update" in 2017-04; bullet added 2018-07-02; removed 2019-11-18.',
  },
  { feature: 'Networking on virtualized Azure infrastructure via the transparent driver', history: 'Added 2018-07-11; still listed.' },
  { feature: 'Host mode networking', history: 'Added 2019-11-18; still listed.' },
  {
    feature: 'IPv6',
    history:
      '2019-03: no IPv6 on l2bridge, NAT, overlay; 2021-08: l2bridge supports IPv6; 2021-12: from Windows Server 2022; 2024-08: transparent self-assigned IPv6 only; NAT and overlay still none.',
  },
];

/**
 * Service options Microsoft's list does not name that a Windows daemon refuses or ignores all the same, read from
 * moby's code: the create-request validation (`daemon/internal/runconfig`), the host-config checks every platform
 * runs (`daemon/container.go`) and the Windows OCI spec (`daemon/oci_windows.go`, which reads none of them).
 */
export interface DaemonOption {
  /** The service key in compose. */
  composeKey: string;
  /** The Docker API field compose sends it as (`pkg/compose/create.go`). */
  apiField: string;
  outcome: 'rejected' | 'ignored' | 'partly';
  behaviour: string;
  /** What the daemon answers, as printed (the constant part), newest engine first. */
  errors: string[];
  rule: string;
  sources: SourceRef[];
}

const DAEMON_OPTIONS: DaemonOption[] = [
  {
    composeKey: 'privileged',
    apiField: 'HostConfig.Privileged',
    outcome: 'rejected',
    behaviour:
      'The daemon refuses to create the container: every create request goes through validatePrivileged, which on Windows rejects `Privileged`. (`docker stack deploy` drops the key before it reaches a daemon: "Ignoring unsupported options: privileged".)',
    errors: [
      'invalid option: privileged mode is not supported for Windows containers',
      'Windows does not support privileged mode',
      'invalid --privileged: Windows does not support this feature',
    ],
    rule: 'privileged',
    sources: ['MOBY-HC', 'https://github.com/docker/docs/issues/11525'],
  },
  {
    composeKey: 'cap_add',
    apiField: 'HostConfig.CapAdd',
    outcome: 'rejected',
    behaviour:
      'From Engine 23 the daemon knows no capability on Windows: validateCapabilities refuses every name but `ALL` when it creates the container (`invalid CapAdd: unknown capability: "CAP_NET_ADMIN"`). `ALL` passes and does nothing. Engines before 23 knew the Linux names and ignored them.',
    errors: ['invalid CapAdd: unknown capability'],
    rule: 'linux-capabilities',
    sources: [
      'https://github.com/moby/moby/blob/master/daemon/container.go',
      'https://github.com/moby/moby/blob/master/daemon/pkg/oci/caps/utils_other.go',
      'https://github.com/moby/moby/pull/42933',
      'https://github.com/portainer/portainer/issues/9234',
    ],
  },
  {
    composeKey: 'cap_drop',
    apiField: 'HostConfig.CapDrop',
    outcome: 'rejected',
    behaviour:
      'As `cap_add`: from Engine 23 every name but `ALL` is refused when the container is created (`invalid CapDrop: unknown capability`); `cap_drop: [ALL]` passes and does nothing.',
    errors: ['invalid CapDrop: unknown capability'],
    rule: 'linux-capabilities',
    sources: [
      'https://github.com/moby/moby/blob/master/daemon/container.go',
      'https://github.com/moby/moby/blob/master/daemon/pkg/oci/caps/utils_other.go',
      'https://github.com/moby/moby/pull/42933',
    ],
  },
  {
    composeKey: 'sysctls',
    apiField: 'HostConfig.Sysctls',
    outcome: 'partly',
    behaviour:
      'Accepted and never applied: Windows has no sysctls, and the Windows OCI spec never reads them. One kind fails: from Engine 27 the API refuses a sysctl that names an interface (`net.<a>.<b>.eth<N>.<c>`) unless it can move an `eth0` one to the endpoint for an older API client.',
    errors: ["must be supplied using driver option 'com.docker.network.endpoint.sysctls'", 'unable to determine network endpoint for sysctl'],
    rule: 'sysctls',
    sources: [
      'https://github.com/moby/moby/blob/master/daemon/oci_windows.go',
      'https://github.com/moby/moby/blob/master/daemon/server/router/container/container_routes.go',
    ],
  },
];

export function daemonOption(composeKey: string): DaemonOption {
  const entry = DAEMON_OPTIONS.find((o) => o.composeKey === composeKey);
  if (!entry) throw new Error(`no daemon-option entry for ${composeKey}`);
  return entry;
}
