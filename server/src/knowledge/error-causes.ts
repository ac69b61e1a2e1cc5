/**
 * Causes of Windows container networking errors that no rule can see in a file: they live on the host (a
 * leftover WinNAT, a port another program holds, a VPN client, an adapter name from another machine).
 * `winnet explain` matches pasted errors against `texts` here and against every rule's `errors`, so an error with
 * a cause in both places shows both: the rule that catches the mistake in the files, and what to look at on the host.
 *
 * `texts` are written as rules' `errors` are (see RuleMeta.errors): the constant part of what users see, a name
 * in angle brackets for any name, example ids, addresses and numbers as they would appear (they are matched by
 * kind). Symptoms users describe rather than paste ("the container loses network when the VPN connects") are
 * texts too.
 */
import type { SourceRef } from './sources';

export interface ErrorCause {
  /** Stable, lower-case words joined by hyphens (`winnet explain --format json` prints it). */
  id: string;
  title: string;
  /** The error texts or symptoms users see. */
  texts: string[];
  /** Markdown: what happened, and why. */
  cause: string;
  /** Markdown: what to do. */
  remedy: string;
  sources: SourceRef[];
  /** Rules that catch a related mistake in the files before `docker compose up`. */
  rules?: string[];
}

export const ERROR_CAUSES: readonly ErrorCause[] = [
  {
    id: 'winnat-leftover',
    title: 'Another WinNAT is in the way of a new NAT network',
    texts: ['HNS failed with error : The parameter is incorrect', 'hnsCall failed in Win32: The parameter is incorrect. (0x57)'],
    cause:
      'HNS refused to create a NAT network. Windows Server 2016 has one WinNAT prefix per host, so a second NAT network, such as the `<project>_default` network compose creates beside the default `nat`, fails there. On any version, a WinNAT left behind by an earlier network or created by hand (`Get-NetNat` lists them) whose prefix covers the new subnet blocks it the same way.',
    remedy:
      'Join the existing `nat` network instead of creating one per project (`networks: {default: {name: nat, external: true}}`). List WinNAT instances with `Get-NetNat`; remove one no network uses with `Remove-NetNat`, then restart the Docker service.',
    sources: [
      'MSD-WINNAT',
      'https://github.com/docker/compose/issues/4149',
      'https://github.com/docker/compose/issues/4482',
      'https://github.com/moby/moby/issues/30280',
      'https://github.com/docker/for-win/issues/598',
    ],
    rules: ['nat-network-per-project'],
  },
  {
    id: 'hns-network-exists',
    title: 'The host already has an HNS network with that subnet or name',
    texts: [
      'HNS failed with error : The object already exists',
      'hcnCreateNetwork failed in Win32: The object already exists. (0x1392)',
      'A network with this name already exists (0x803b0010)',
    ],
    cause:
      "HNS refuses a network whose subnet overlaps a network it already has, or whose name is taken. The host's networks include the default `nat`, whose /20 HNS picks inside 172.16.0.0/12 and which differs from host to host, networks left over from earlier runs, and networks created outside compose (Kubernetes, WSL, Hyper-V's Default Switch).",
    remedy:
      "List the host's networks and their subnets (`Get-HnsNetwork | Select-Object Name, Type, Subnets`, or `docker network inspect`) and give the new network a subnet none of them overlaps; remove leftovers with `docker network rm` (or `Remove-HnsNetwork` for those Docker does not know).",
    sources: [
      'HCN-HR',
      'https://github.com/docker/for-win/issues/1384',
      'https://github.com/docker/for-win/issues/726',
      'https://github.com/kubernetes-sigs/sig-windows-tools/issues/292',
    ],
    rules: ['subnet-overlap'],
  },
  {
    id: 'host-port-in-use',
    title: 'Another program or container already holds the published host port',
    texts: [
      'failed to create endpoint <container> on network nat: HNS failed with error : The process cannot access the file because it is being used by another process',
      'The process cannot access the file because it is being used by another process. (0x20)',
    ],
    cause:
      'This is how HNS reports a port conflict: the host port a container publishes is already taken, by another container or by a program on the host (IIS on 80 and 443, SQL Server on 1433, a development server).',
    remedy:
      'Find the owner with `netstat -ano | findstr :<port>` and `Get-Process -Id <pid>`; publish another host port, or stop what holds it. `docker ps` shows the ports other containers publish.',
    sources: [
      'https://github.com/moby/moby/issues/36983',
      'https://github.com/docker/for-win/issues/1745',
      'https://github.com/docker/for-win/issues/1755',
      'https://github.com/docker/for-win/issues/2213',
      'https://github.com/docker/for-win/issues/12371',
    ],
    rules: ['duplicate-host-port'],
  },
  {
    id: 'excluded-port-range',
    title: 'The host port is in a range Windows has reserved',
    texts: [
      'Ports are not available: listen tcp 0.0.0.0:5005: bind: An attempt was made to access a socket in a way forbidden by its access permissions',
      'Ports are not available: exposing port TCP 0.0.0.0:5005 -> 0.0.0.0:0: listen tcp 0.0.0.0:5005: bind: An attempt was made to access a socket in a way forbidden by its access permissions',
    ],
    cause:
      'Windows reserves blocks of ports for Hyper-V, WinNAT and other services (the excluded port ranges), and the blocks move from boot to boot. A port inside one cannot be bound, and Docker reports it as forbidden access. Ports in the dynamic range, 49152 to 65535, are hit most often.',
    remedy:
      'List the reserved ranges with `netsh int ipv4 show excludedportrange protocol=tcp` and publish a host port outside them. Restarting WinNAT (`net stop winnat`, then `net start winnat`, as administrator) gives back the ranges it held; `netsh int ipv4 add excludedportrange protocol=tcp startport=<port> numberofports=1` keeps a port for you.',
    sources: [
      'https://github.com/docker/for-win/issues/6613',
      'https://github.com/docker/for-win/issues/8881',
      'https://github.com/dotnet/aspnetcore/issues/25562',
    ],
    rules: ['ephemeral-host-port'],
  },
  {
    id: 'vpn-client',
    title: 'A VPN client on the host rewrote its routes or DNS',
    texts: [
      'Windows container loses network when the host VPN connects',
      'container loses network connectivity when the VPN is connected',
      'no internet in the container while the VPN is on',
      'DNS stops working in the container when the VPN is on',
      'Cisco AnyConnect or Pulse Secure VPN breaks container networking',
    ],
    cause:
      "VPN clients (Cisco AnyConnect, Pulse Secure, Stonesoft and others) replace the host's routes and DNS servers when they connect, and some drop traffic that does not come from the host itself: containers behind NAT lose their way out. A VPN that routes a range overlapping the container subnet takes that traffic too.",
    remedy:
      "Compare `route print` and `Get-DnsClientServerAddress` with the VPN connected and not. Give the containers' network a subnet outside the VPN's routes (`ipam.config` on a network of your own), set `dns:` to servers reachable through the VPN, and allow local LAN access or split tunnelling in the VPN client where your policy permits. Containers started before the VPN connected may need to be recreated.",
    sources: [
      'https://github.com/docker/for-win/issues/7179',
      'https://github.com/docker/for-win/issues/474',
      'https://github.com/docker/for-win/issues/3995',
      'https://github.com/docker/for-win/issues/13329',
      'https://github.com/moby/moby/issues/30826',
    ],
  },
  {
    id: 'adapter-not-found',
    title: 'The host adapter a network names is not on this host',
    texts: ['hnsCall failed in Win32: An adapter was not found. (0x803b0006)', 'HNS failed with error : An adapter was not found'],
    cause:
      'A `transparent`, `l2bridge` or `l2tunnel` network binds an external vSwitch to a host network adapter, named by `com.docker.network.windowsshim.interface` in compose, `NetworkAdapterName` in HNS v1 or a `NetAdapterName` policy in HCN v2. HNS found no adapter of that name on this host (the names differ from machine to machine: `Ethernet`, `Ethernet 2`), or no free one.',
    remedy:
      'List the adapters with `Get-NetAdapter` and use the `Name` of one that is up and not yet bound to an external vSwitch (`Get-VMSwitch` shows the bound ones).',
    sources: ['HCN-HR', 'https://github.com/moby/moby/issues/41094', 'https://github.com/kubernetes-sigs/sig-windows-tools/issues/291'],
    rules: ['hns-adapter-name'],
  },
];
