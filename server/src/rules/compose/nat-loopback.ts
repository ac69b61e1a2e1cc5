import { asScalar, get, getPair, items } from '../../documents/tree';
import { NAT_LOOPBACK } from '../../knowledge/winnat';
import type { Rule } from '../types';
import { serviceDrivers } from './support/helpers';

/**
 * WinNAT had no loopback for port mappings before Windows Server 1803 and did it reliably only from Windows
 * Server 2019 (knowledge/winnat.ts NAT_LOOPBACK, with Microsoft's networking team's statements in docker/for-win#204
 * and MicrosoftDocs/Virtualization-Documentation#181). The host release comes from the setting or from the images
 * a process-isolated service pins (compose/host-version.ts).
 */
export const natLoopbackRule: Rule = {
  meta: {
    id: 'nat-loopback',
    title: 'No localhost access to published ports on this Windows release',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "On Windows Server 2016 and 1709 hosts, WinNAT has no loopback for published ports: `http://localhost:8080` on the host does not reach a container that publishes `8080`, while other machines reach it at the host's address. Microsoft added loopback in 1803, where it failed on hosts with an adapter holding a 169.254.x.y address until an update fixed it (KB4340917 for Windows 10 1803); from Windows Server 2019 / Windows 10 1809 it works. winnet knows the host release from `--windows-version`/`winnet.windowsVersion`, or from the release that process-isolated images pin (`servercore:ltsc2016`, `nanoserver:1709`).",
    remedy:
      'From the host, use the host\'s own IP address or name (`http://my-host:8080`), or the container\'s address on the nat network and the container port (`docker inspect -f "{{ .NetworkSettings.Networks.nat.IPAddress }}" <container>`). Better: move to Windows Server 2019 or later.',
    caveat:
      'The release comes from the setting or the images; a Hyper-V isolated service can run on a newer host than its image, and then this does not apply. Information only.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    symptoms: [
      'cannot reach localhost:8080 from the host',
      'localhost:8080 does not respond on the host',
      'http://localhost:8080 does not respond on the host, but the host name or IP address works',
      'a published port is not reachable at localhost or 127.0.0.1 on the Windows host',
      'the app works from other machines, but localhost does not respond on the host',
    ],
    sources: NAT_LOOPBACK.sources,
  },
  check(ctx) {
    const { build, name } = ctx.host.release;
    if (build >= NAT_LOOPBACK.reliableFromBuild) return;
    const partly = build >= NAT_LOOPBACK.fromBuild;
    for (const service of ctx.compose.services) {
      const ports = getPair(service.node, 'ports');
      if (!ports || !items(ports.value).length) continue;
      const mode = asScalar(get(service.node, 'network_mode'))?.value;
      if (mode !== undefined && mode !== null && mode !== 'nat') continue;
      if (!serviceDrivers(ctx.compose, service).some((d) => d.name === 'nat')) continue;
      ctx.report({
        span: { start: ports.key.start, end: ports.key.end },
        message: partly
          ? `On ${name} hosts, \`localhost\` reaches the ports \`${service.name}\` publishes only with the July 2018 loopback fix installed (KB4340917 on Windows 10 1803); before it, hosts with an adapter holding a 169.254.x.y address cannot. Use the host's own address if \`localhost\` fails.`
          : `On ${name} hosts, WinNAT has no loopback: \`localhost:<port>\` on the host does not reach the ports \`${service.name}\` publishes. Use the host's own address or name, or the container's nat address and port; Windows Server 2019 and later have loopback.`,
      });
    }
  },
};
