/**
 * Where every fact comes from: the primary sources (Microsoft Learn, moby, compose, hcsshim, the HNS tooling),
 * by key, with a title and a link. Facts cite these keys, or a GitHub issue or pull request by URL. Rule pages,
 * hovers and SARIF print them, so a reader can check each claim.
 */
export interface Source {
  title: string;
  url: string;
}

const MS_DOCS = 'https://learn.microsoft.com/virtualization/windowscontainers';
const MOBY = 'https://github.com/moby/moby/blob/master';

export const SOURCES = {
  'MSD-ARCH': {
    title: 'Microsoft Learn: Windows container networking (architecture, unsupported features)',
    url: `${MS_DOCS}/container-networking/architecture`,
  },
  'MSD-DRV': { title: 'Microsoft Learn: Windows container network drivers and topologies', url: `${MS_DOCS}/container-networking/network-drivers-topologies` },
  'MSD-ADV': { title: 'Microsoft Learn: advanced network options in Windows (windowsshim options)', url: `${MS_DOCS}/container-networking/advanced` },
  'MSD-MULTI': { title: 'Microsoft Learn: multiple subnets per HNS network', url: `${MS_DOCS}/container-networking/multi-subnet` },
  'MSD-SWARM': { title: 'Microsoft Learn: getting started with swarm mode (Windows limitations)', url: `${MS_DOCS}/manage-containers/swarm-mode` },
  'MSD-WINNAT': {
    title: 'Windows NAT (WinNAT) capabilities and limitations (2016 team blog)',
    url: 'https://learn.microsoft.com/virtualization/community/team-blog/2016/20160525-windows-nat-winnat-capabilities-and-limitations',
  },
  'MSD-HISTORY': {
    title: 'History of the unsupported-features list (MicrosoftDocs/Virtualization-Documentation, architecture.md)',
    url: 'https://github.com/MicrosoftDocs/Virtualization-Documentation/commits/main/virtualization/windowscontainers/container-networking/architecture.md',
  },
  'MOBY-WIN': { title: 'moby: Windows network driver (windowsshim)', url: `${MOBY}/daemon/libnetwork/drivers/windows/windows.go` },
  'MOBY-LABELS': { title: 'moby: windowsshim option names', url: `${MOBY}/daemon/libnetwork/drivers/windows/labels.go` },
  'MOBY-OV': { title: 'moby: Windows overlay driver', url: `${MOBY}/daemon/libnetwork/drivers/windows/overlay/ov_network_windows.go` },
  'MOBY-OV-EP': {
    title: 'moby: Windows overlay endpoints (published ports, outbound NAT, DNS)',
    url: `${MOBY}/daemon/libnetwork/drivers/windows/overlay/ov_endpoint_windows.go`,
  },
  'MOBY-DNET': {
    title: 'moby: how the daemon creates networks and endpoints (IPAM config, internal networks, driver options)',
    url: `${MOBY}/daemon/network.go`,
  },
  'MOBY-LIBNET': { title: 'moby: libnetwork networks (IPv6 pools allocated only with IPv6 enabled)', url: `${MOBY}/daemon/libnetwork/network.go` },
  'MOBY-OVMGR': {
    title: 'moby: overlay VNI allocation (VXLAN IDs from 4096 for Windows)',
    url: `${MOBY}/daemon/libnetwork/drivers/overlay/ovmanager/ovmanager.go`,
  },
  'MOBY-IPAM': { title: "moby: the 'windows' IPAM driver", url: `${MOBY}/daemon/libnetwork/ipams/windowsipam/windowsipam.go` },
  'MOBY-NET': { title: 'moby: Windows driver registry and DNS resolver', url: `${MOBY}/daemon/libnetwork/drivers_windows.go` },
  'MOBY-HC': { title: 'moby: Windows host config validation (network mode, isolation)', url: `${MOBY}/daemon/internal/runconfig/hostconfig_windows.go` },
  'MOBY-D': { title: 'moby: Windows daemon (default isolation, networks, OS minimum)', url: `${MOBY}/daemon/daemon_windows.go` },
  'MOBY-DNS': { title: 'moby: Windows sandbox DNS (no resolv.conf)', url: `${MOBY}/daemon/libnetwork/sandbox_dns_windows.go` },
  'CS-SCHEMA': { title: 'compose-spec JSON Schema', url: 'https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json' },
  'CS-SVC': { title: 'compose-spec: services', url: 'https://github.com/compose-spec/compose-spec/blob/main/05-services.md' },
  'CS-NET': { title: 'compose-spec: networks', url: 'https://github.com/compose-spec/compose-spec/blob/main/06-networks.md' },
  'COMPOSE-PORTS': {
    title: 'compose-go: ParsePortConfig, which expands port ranges through go-connections nat.ParsePortSpec',
    url: 'https://github.com/compose-spec/compose-go/blob/main/types/types.go',
  },
  'GO-CONN-NAT': {
    title: 'docker/go-connections: nat.ParsePortSpec (one mapping per port of a range)',
    url: 'https://github.com/docker/go-connections/blob/main/nat/nat.go',
  },
  COMPOSE: { title: 'docker/compose: how compose creates networks and containers', url: 'https://github.com/docker/compose/blob/main/pkg/compose/create.go' },
  'K8S-WIN': { title: 'Kubernetes: networking on Windows', url: 'https://kubernetes.io/docs/concepts/services-networking/windows-networking/' },
  'K8S-DS': { title: 'Kubernetes: IPv4/IPv6 dual-stack', url: 'https://kubernetes.io/docs/concepts/services-networking/dual-stack/' },
  'HNS-SCHEMA': { title: 'Microsoft Learn: HNS (HCN) JSON schema', url: 'https://learn.microsoft.com/virtualization/api/hcn/hns_schema' },
  HCSSHIM: { title: 'microsoft/hcsshim: hcn package', url: 'https://github.com/microsoft/hcsshim/tree/main/hcn' },
  'HCN-GLOBALS': {
    title: 'microsoft/hcsshim: HNS feature version gates (hcn/hcnglobals.go)',
    url: 'https://github.com/microsoft/hcsshim/blob/main/hcn/hcnglobals.go',
  },
  'HNS-V1-CLIENT': { title: 'microsoft/hcsshim: the HNS v1 client (internal/hns)', url: 'https://github.com/microsoft/hcsshim/tree/main/internal/hns' },
  HNSLIB: {
    title: 'microsoft/hnslib: the hcn package as published separately (its feature gates differ slightly)',
    url: 'https://github.com/microsoft/hnslib/blob/main/hcn/hcnglobals.go',
  },
  'HCN-HR': { title: 'Microsoft Learn: HCN HRESULT values', url: 'https://learn.microsoft.com/virtualization/api/hcn/reference/hcnhresult' },
  'HCN-API': {
    title: 'Microsoft Learn: HcnCreateNetwork (minimum OS of the HCN API)',
    url: 'https://learn.microsoft.com/virtualization/api/hcn/reference/hcncreatenetwork',
  },
  'HCN-SCEN': {
    title: 'Microsoft Learn: HCN scenario samples (C++ with JSON; not normative)',
    url: 'https://learn.microsoft.com/windows-server/networking/technologies/hcn/hcn-scenarios',
  },
  'SDN-V1': {
    title: 'microsoft/SDN: HNS v1 PowerShell helpers (Kubernetes/windows/hns.psm1)',
    url: 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.psm1',
  },
  'SDN-V2': {
    title: 'microsoft/SDN: HCN v2 PowerShell helpers with numeric flag values (Kubernetes/windows/hns.v2.psm1)',
    url: 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.v2.psm1',
  },
  WCN: {
    title: 'microsoft/windows-container-networking: the nat, sdnbridge and sdnoverlay CNI plugins',
    url: 'https://github.com/microsoft/windows-container-networking',
  },
  HCNPROXYCTRL: {
    title: 'microsoft/hcnproxyctrl: L4WfpProxy (HNS 13.2) ships with Windows Server 2022',
    url: 'https://github.com/microsoft/hcnproxyctrl/blob/main/README.md',
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;

/** A citation: a source key, or a URL (GitHub issues and pull requests are cited by URL). */
export type SourceRef = SourceKey | `https://${string}`;

export function sourceOf(ref: SourceRef): Source {
  if (ref.startsWith('https://')) return { title: titleFromUrl(ref), url: ref };
  return SOURCES[ref as SourceKey];
}

function titleFromUrl(url: string): string {
  const m = /github\.com\/([^/]+\/[^/]+)\/(issues|pull)\/(\d+)/.exec(url);
  return m ? `${m[1]}#${m[3]}` : url;
}
