import { asScalar, get, type ScalarNode } from '../../documents/tree';
import { isExternal, type NetworkModel } from '../../compose/model';
import { supportOf, WINDOWS_DRIVERS } from '../../knowledge/drivers';
import type { SourceRef } from '../../knowledge/sources';
import type { Rule } from '../types';
import { networksWithDrivers } from './support/helpers';

const transparent = WINDOWS_DRIVERS.transparent;
const VMWARE: SourceRef = 'https://github.com/MicrosoftDocs/Virtualization-Documentation/pull/678';

/**
 * Microsoft's network-drivers-topologies page: "When this mode is used in a virtualization scenario (container host
 * is a VM) MAC address spoofing is required", and therefore "not supported on Azure VMs" (the capability table's
 * `azure` entry; MicrosoftDocs/Virtualization-Documentation#802). VMware's promiscuous mode: a 2017 revision of the
 * same docs (#678). An existing network named `transparent` counts, as in transparent-ports.
 */
export const transparentHostRequirementsRule: Rule = {
  meta: {
    id: 'transparent-host-requirements',
    title: 'A transparent network needs MAC address spoofing on a VM host',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `A \`transparent\` network bridges containers onto the host's LAN through an external vSwitch, each with its own MAC address. When the container host is a VM, Microsoft says "MAC address spoofing is required" on the VM's network adapter: otherwise the hypervisor drops the frames the containers send from their own MAC addresses, so they get no DHCP address and no connectivity, while \`docker compose up\` succeeds. On VMware the equivalent is promiscuous mode. On Azure: ${transparent.features.azure!.note}`,
    remedy:
      "On a Hyper-V host, enable MAC address spoofing on the container host VM's adapter (`Get-VMNetworkAdapter -VMName <vm> | Set-VMNetworkAdapter -MacAddressSpoofing On`, on the Hyper-V host); on VMware, allow promiscuous mode on the port group. On Azure, or where you cannot change the hypervisor, use `nat` (publish ports) or `l2bridge` instead.",
    caveat:
      "Microsoft's page names Hyper-V's MAC address spoofing only; promiscuous mode for VMware comes from a 2017 revision of the docs, and other hypervisors' settings (such as VMware's forged transmits) are not documented there. A bare-metal host needs none of this: the finding is information, to dismiss there.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "80:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    symptoms: [
      'containers on the transparent network get no IP address from DHCP',
      'containers on a transparent network are unreachable when the host is a Hyper-V or Azure VM',
    ],
    sources: [
      ...new Set<SourceRef>([
        'MSD-DRV',
        ...transparent.features.azure!.sources,
        'https://github.com/MicrosoftDocs/Virtualization-Documentation/issues/802',
        VMWARE,
      ]),
    ],
  },
  check(ctx) {
    const azure = supportOf(transparent, 'azure', ctx.windowsVersion);
    const onAzure = azure?.level === 'no' ? ' It does not work on Azure VMs, which do not allow MAC address spoofing.' : '';
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      const at = driver.name === 'transparent' && driver.node ? driver.node : isExternal(network) ? existingTransparent(network) : undefined;
      if (!at) continue;
      const which = driver.name === 'transparent' ? `Network \`${network.name}\`` : `Network \`${network.name}\` (the existing network \`transparent\`)`;
      ctx.report({
        span: { start: at.start, end: at.end },
        message: `${which} is transparent: if the container host is a VM, enable MAC address spoofing on its network adapter (promiscuous mode on VMware), or its containers get no address and no traffic.${onAzure}`,
      });
    }
  },
};

/** The node naming an external network `transparent`: `name:` (with `external: true`), `external.name:`, or the key. */
function existingTransparent(network: NetworkModel): ScalarNode | undefined {
  const named = asScalar(get(network.node, 'name')) ?? asScalar(get(get(network.node, 'external'), 'name'));
  if (named) return named.value === 'transparent' ? named : undefined;
  return network.name === 'transparent' ? network.key : undefined;
}
