import { get, scalarText } from '../../documents/tree';
import { WINDOWS_DRIVERS } from '../../knowledge/drivers';
import { atLeast } from '../../knowledge/versions';
import type { Rule } from '../types';

const fact = WINDOWS_DRIVERS.nat.features.hotAdd!;

/** docker/compose `pkg/compose/create.go` defaultNetworkSettings: every network at create time from API 1.44; before, NetworkConnect after create. */
export const hypervHotAddRule: Rule = {
  meta: {
    id: 'hyperv-hot-add',
    title: 'Several networks on a Hyper-V container on Windows Server 2016',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `${fact.note} With an engine older than 25 (API 1.44), compose attaches a service's first network when it creates the container and connects the others afterwards, so a Hyper-V isolated service with several networks depends on connecting networks to a Hyper-V container; Windows Server 2016 hosts run such engines. Newer engines take every network at create time. Checked only when the Windows version is \`ltsc2016\`.`,
    remedy: 'Attach the service to one network, use process isolation, or run on Windows Server 2019 or later.',
    caveat:
      'Microsoft listed hot-add as unsupported without saying which builds; whether connecting before the container starts counts as hot-add is not documented. Information only.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016\n    isolation: hyperv\n    networks: [frontend, backend]\nnetworks:\n  frontend:\n  backend:\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016\n    isolation: process\n    networks: [frontend, backend]\nnetworks:\n  frontend:\n  backend:\n',
      windowsVersion: 'ltsc2016',
    },
    sources: [...fact.sources, 'COMPOSE'],
  },
  check(ctx) {
    if (atLeast(ctx.windowsVersion, 'ltsc2019')) return;
    for (const service of ctx.compose.services) {
      if (scalarText(get(service.node, 'isolation'))?.toLowerCase() !== 'hyperv' || service.attachments.length < 2) continue;
      const second = service.attachments[1];
      ctx.report({
        span: { start: second.node.start, end: second.node.end },
        message: `Hyper-V isolated service \`${service.name}\` joins ${service.attachments.length} networks; on Windows Server 2016 attaching networks to Hyper-V containers (hot-add) was listed as unsupported until 2019.`,
      });
    }
  },
};
