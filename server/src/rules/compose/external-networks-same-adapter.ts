import { asScalar, type Node } from '../../documents/tree';
import { windowsDriver } from '../../knowledge/drivers';
import { WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { networksWithDrivers, optionPairs } from './support/helpers';

const INTERFACE = `${WINDOWSSHIM_PREFIX}interface`;

/** Microsoft's advanced-networking and swarm pages (one external vSwitch per network adapter). */
export const externalNetworksSameAdapterRule: Rule = {
  meta: {
    id: 'external-networks-same-adapter',
    title: 'Several external-vSwitch networks without their own adapter',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'Each `transparent`, `l2bridge` or `l2tunnel` network binds an external vSwitch to a host adapter, and an adapter takes one vSwitch. Without `com.docker.network.windowsshim.interface` HNS picks a free adapter, so a second such network fails on a host with one spare adapter. Overlay networks are not counted: swarm puts them all on one vSwitch. Beside overlay networks, an external network without its own adapter can block swarm overlay initialisation.',
    caveat:
      "Microsoft's advanced-networking page says every network that uses an external vSwitch needs its own adapter, which would take in overlay; in practice every overlay network of a swarm shares the vSwitch the swarm created (no new vSwitch appears per overlay network, docker/for-win#1793), so winnet does not count them. The clash between an external network and swarm overlay comes from Microsoft's swarm tips without details of when it happens, so it is reported as information.",
    remedy: 'Give each external network its own adapter with `com.docker.network.windowsshim.interface`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan, k8s]\nnetworks:\n  lan:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan, k8s]\nnetworks:\n  lan:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 3"\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n',
    },
    sources: ['MSD-ADV', 'MSD-SWARM', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/pull/595'],
  },
  check(ctx) {
    const withDrivers = networksWithDrivers(ctx.compose);
    const external = withDrivers.filter(
      (n) => n.driver.origin === 'explicit' && n.driver.name !== 'overlay' && windowsDriver(n.driver.name)?.vswitch === 'external',
    );
    const overlay = withDrivers.some((n) => n.driver.name === 'overlay');
    const adapterOf = (node: Node | undefined): string | undefined => {
      const adapter = asScalar(optionPairs(node).find((p) => p.key.value === INTERFACE)?.value)?.value;
      return adapter === undefined || adapter === null ? undefined : String(adapter);
    };
    if (external.length === 1 && overlay && adapterOf(external[0].network.node) === undefined) {
      const { network, driver } = external[0];
      ctx.report({
        span: { start: driver.node!.start, end: driver.node!.end },
        severity: 'information',
        message: `\`${network.name}\` binds an external vSwitch to a host adapter HNS picks, and this file also uses overlay networks: an external network can block swarm's overlay setup (Microsoft's swarm tips). Give it its own adapter with \`${INTERFACE}\`.`,
      });
      return;
    }
    if (external.length < 2) return;
    const seen = new Map<string, string>();
    for (const { network, driver } of external) {
      const name = adapterOf(network.node);
      const clash = name === undefined ? undefined : seen.get(name);
      if (name !== undefined && clash === undefined) {
        seen.set(name, network.name);
        continue;
      }
      ctx.report({
        span: { start: driver.node!.start, end: driver.node!.end },
        message: clash
          ? `Networks \`${clash}\` and \`${network.name}\` both bind adapter \`${name}\`, and an adapter takes one external vSwitch: give each its own \`interface\`.`
          : `\`${network.name}\` is one of ${external.length} external-vSwitch networks in this file without its own \`${INTERFACE}\`: each needs a separate host adapter, or creating the second one fails.`,
      });
    }
  },
};
