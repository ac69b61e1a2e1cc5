import { asScalar, get, items } from '../../documents/tree';
import { isUnspecifiedIp, parsePort } from '../../compose/ports';
import { fix, removePairLines } from '../edits';
import type { Rule, SpanEdit } from '../types';

/** moby daemon/libnetwork/drivers/windows/windows.go ConvertPortBindings; moby#26980. */
export const portHostIpRule: Rule = {
  meta: {
    id: 'port-host-ip',
    title: 'Published port bound to a host IP on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description:
      'Windows publishes ports through WinNAT (or HNS policies) on every host address: the driver refuses a specific host IP with `Windows does not support host IP addresses in NAT settings`. The feature request has been open since 2016. `0.0.0.0` and `::` (all addresses) are accepted.',
    remedy: 'Drop the host IP (`"8080:80"`). To limit who can connect, use Windows Firewall rules on the host.',
    examples: {
      command: 'docker run -d -p 127.0.0.1:8080:80 mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "127.0.0.1:8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: ['Windows does not support host IP addresses in NAT settings'],
    sources: ['MOBY-WIN', 'https://github.com/moby/moby/issues/26980'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      for (const item of items(get(service.node, 'ports'))) {
        const port = parsePort(item);
        if (!port?.hostIp || port.hostIp.byVariable || isUnspecifiedIp(port.hostIp.text)) continue;
        const ip = port.hostIp;
        let edit: SpanEdit | undefined;
        if (port.long && port.hostIpPair) edit = removePairLines(ctx.doc, port.hostIpPair);
        else if (!port.long && port.target) {
          // Remove everything before the host port: the IP, its brackets and the colon after it
          // ("[::1]:80:80" → "80:80"), and the empty host port's colon too ("127.0.0.1::80" → "80"). Only when the
          // value is written as-is, so its offsets are the text's (and never a flow sequence's `[`).
          const scalar = asScalar(item)!;
          const value = String(scalar.value);
          const valueStart = scalar.style === 'plain' ? scalar.start : scalar.start + 1;
          const cut = (port.published ?? port.target).span.start;
          if (ctx.doc.text.slice(valueStart, valueStart + value.length) === value && cut > valueStart && cut <= valueStart + value.length) {
            edit = { span: { start: valueStart, end: cut }, newText: '' };
          }
        }
        ctx.report({
          span: ip.span,
          message: `Host IP \`${ip.text}\` fails on Windows: "Windows does not support host IP addresses in NAT settings" (service \`${service.name}\`). Publish on all addresses and restrict with Windows Firewall instead.`,
          fixes: fix(`Drop the host IP \`${ip.text}\``, edit, true),
        });
      }
    }
  },
};
