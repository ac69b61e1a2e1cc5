import { get, items } from '../../documents/tree';
import { parsePort } from '../../compose/ports';
import type { Rule } from '../types';

/** moby daemon/libnetwork/drivers/windows/windows.go ConvertPortBindings ("invalid protocol"). */
export const portProtocolRule: Rule = {
  meta: {
    id: 'port-protocol',
    title: 'Port protocol other than TCP or UDP on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: 'The Windows driver publishes TCP and UDP ports only; any other protocol (such as `sctp`) fails with `invalid protocol sctp`.',
    remedy: 'Publish the port over `tcp` or `udp`, or run the service on Linux.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "3868:3868/sctp"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "3868:3868/tcp"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: ['invalid protocol sctp'],
    sources: ['MOBY-WIN'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      for (const item of items(get(service.node, 'ports'))) {
        const protocol = parsePort(item)?.protocol;
        if (!protocol || protocol.byVariable || /^(tcp|udp)$/i.test(protocol.text) || protocol.text === '') continue;
        ctx.report({
          span: protocol.span,
          message: `Protocol \`${protocol.text}\` fails on Windows: only tcp and udp ports can be published ("invalid protocol ${protocol.text}", service \`${service.name}\`).`,
        });
      }
    }
  },
};
