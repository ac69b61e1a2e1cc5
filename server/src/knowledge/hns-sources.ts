/**
 * Sources the HNS facts cite that knowledge/sources.ts has no key for (shared/windows-networking.md §0 keys
 * SDN-V1, SDN-V2, WCN, HCN-HR, HCN-API, HCN-SCEN, HNSLIB, and the issues behind the HNS-version anchors).
 * Cited by URL, which SourceRef accepts, so no shared file changes.
 */
import type { SourceRef } from './sources';

export const HNS_REF = {
  /** microsoft/SDN `Kubernetes/windows/hns.psm1`: HNS v1 PowerShell helpers. */
  SDN_V1: 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.psm1',
  /** microsoft/SDN `Kubernetes/windows/hns.v2.psm1`: HCN v2 helpers, numeric flag values. */
  SDN_V2: 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.v2.psm1',
  /** microsoft/windows-container-networking: the `nat`, `sdnbridge`, `sdnoverlay` CNI plugins. */
  WCN: 'https://github.com/microsoft/windows-container-networking',
  /** HCN HRESULT table. */
  HCN_HR: 'https://learn.microsoft.com/virtualization/api/hcn/reference/hcnhresult',
  /** HcnCreateNetwork: minimum OS for the HCN API. */
  HCN_API: 'https://learn.microsoft.com/virtualization/api/hcn/reference/hcncreatenetwork',
  /** HCN scenario samples (C++ with JSON); inconsistent, non-normative. */
  HCN_SCEN: 'https://learn.microsoft.com/windows-server/networking/technologies/hcn/hcn-scenarios',
  /** microsoft/hnslib: the hcn package as published separately (feature gates differ slightly). */
  HNSLIB: 'https://github.com/microsoft/hnslib/blob/main/hcn/hcnglobals.go',
  /** hcsshim feature gates (`hcnglobals.go`) and the v1 client (`internal/hns`). */
  HCN_GLOBALS: 'https://github.com/microsoft/hcsshim/blob/main/hcn/hcnglobals.go',
  HNS_V1_CLIENT: 'https://github.com/microsoft/hcsshim/tree/main/internal/hns',
  /** microsoft/hcnproxyctrl README: L4WfpProxy (HNS 13.2) ships with Windows Server 2022. */
  HCNPROXYCTRL: 'https://github.com/microsoft/hcnproxyctrl/blob/main/README.md',
  /** Windows Server 1809 reports HNS 9.3 (kube-proxy DSR check). */
  HNS_1809: 'https://github.com/kubernetes/kubernetes/issues/93304',
  /** Windows 10 2004 (19041) reports HNS 11.10. */
  HNS_2004: 'https://github.com/microsoft/hcsshim/pull/1003',
  /** ELB / load balancers need an "SDN" network (not NAT). */
  ELB_SDN: 'https://github.com/microsoft/hcsshim/pull/705',
  /** Get-HnsNetwork output with read-only fields (nat network, Flags 8). */
  GET_HNSNETWORK: 'https://github.com/projectcalico/calico/issues/8465',
  /** Microsoft: IPv6 on Windows is dual-stack only; l2bridge supports it. */
  IPV6_DUAL_ONLY: 'https://github.com/microsoft/Windows-Containers/issues/522',
  /** Microsoft: l2bridge IPv6 backported to Windows Server 1809 (10C update). */
  IPV6_1809: 'https://github.com/microsoft/Windows-Containers/issues/75',
  /** Microsoft: overlay IPv6 from build 22410. */
  IPV6_OVERLAY: 'https://github.com/microsoft/Windows-Containers/issues/82',
} as const satisfies Record<string, SourceRef>;
