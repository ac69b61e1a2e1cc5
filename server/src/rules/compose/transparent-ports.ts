import { get, getPair, items, scalarText } from '../../documents/tree';
import { isExternal, networkNamed } from '../../compose/model';
import { WINDOWS_DRIVERS } from '../../knowledge/drivers';
import type { Rule } from '../types';

const fact = WINDOWS_DRIVERS.transparent.features.portPublishing!;

/**
 * A service whose every network is transparent publishes nothing on the host: Microsoft enabled port forwarding
 * for nat only (moby#27529), and the firewall inside the container blocks the port until it is opened
 * (moby#32410). An existing network named `transparent` counts, since that is how people name it.
 */
export const transparentPortsRule: Rule = {
  meta: {
    id: 'transparent-ports',
    title: 'Published ports on a transparent network',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `On a \`transparent\` network containers get their own address on the host's LAN, and \`ports:\` do not become a port forward on the host. ${fact.note}`,
    remedy:
      "Reach the service at the container's own address (static `ipv4_address`, or the one DHCP gave it), and open the port in the container's Windows firewall. To publish on the host's address, put the service on a `nat` network.",
    caveat:
      "The statement that forwarding exists for nat only is a Microsoft engineer's (moby#27529, 2016); current Docker still sends HNS a NAT policy per published port on transparent networks, and no source says HNS applies it. Information only.",
    examples: {
      command:
        'docker network create -d transparent lan\ndocker run -d --network lan -p 8080:80 mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\n    ports:\n      - "80:80"\nnetworks:\n  lan:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\n    expose:\n      - "80"\nnetworks:\n  lan:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n',
    },
    sources: fact.sources,
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const ports = getPair(service.node, 'ports');
      if (!ports || !items(ports.value).length || !service.attachments.length || get(service.node, 'network_mode')) continue;
      const networks = service.attachments.map((a) => {
        const { network, driver } = networkNamed(ctx.compose, a.name);
        const externalName =
          network?.node && isExternal(network)
            ? (scalarText(get(network.node, 'name')) ?? scalarText(get(get(network.node, 'external'), 'name')) ?? network.name)
            : undefined;
        return { name: a.name, transparent: driver.name === 'transparent' || externalName === 'transparent', byName: externalName === 'transparent' };
      });
      if (!networks.every((n) => n.transparent)) continue;
      const names = networks.map((n) => `\`${n.name}\`${n.byName ? ' (the existing network `transparent`)' : ''}`).join(', ');
      ctx.report({
        span: { start: ports.key.start, end: ports.key.end },
        message: `Service \`${service.name}\` publishes ports, but its only ${networks.length === 1 ? 'network is' : 'networks are'} transparent (${names}): Windows forwards published ports on nat networks only. Reach the container at its own LAN address, and open the port in its Windows firewall.`,
      });
    }
  },
};
