import { cutValues } from '../../hns/truncated-dump';
import type { Rule } from '../types';
import { plural, spanOf } from './helpers';

const CONVERT_TO_JSON = 'https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json';

/** How many of the other cut values are pointed at, as related locations. */
const RELATED = 5;

/** hns/truncated-dump.ts. */
export const hnsTruncatedDumpRule: Rule = {
  meta: {
    id: 'hns-truncated-dump',
    title: '`ConvertTo-Json` output cut at its default depth',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      '`Get-HnsNetwork | ConvertTo-Json` is the usual way to save an HNS network, and `ConvertTo-Json` stops at a depth of 2 unless given `-Depth` (PowerShell 7.1 and later warn; Windows PowerShell 5.1 does not). Deeper objects are written as the text PowerShell shows for them, `@{AddressPrefix=172.29.144.0/20; GatewayAddress=...}`, and arrays as `System.Object[]`: the subnets, policies and MAC pools are lost. winnet reports this once per document instead of each such string as a wrong type, and cannot check what was cut; HNS refuses the document as input.',
    remedy: 'Export again with a depth that keeps every level: `Get-HnsNetwork | ConvertTo-Json -Depth 10`.',
    examples: {
      bad: '{\n  "Name": "nat",\n  "Type": "nat",\n  "Subnets": ["@{AddressPrefix=172.29.144.0/20; GatewayAddress=172.29.144.1; Policies=System.Object[]}"]\n}',
      good: '{\n  "Name": "nat",\n  "Type": "nat",\n  "Subnets": [{ "AddressPrefix": "172.29.144.0/20", "GatewayAddress": "172.29.144.1", "Policies": [] }]\n}',
    },
    errors: ['Invalid JSON document string (0x803b001b)'],
    sources: [CONVERT_TO_JSON],
  },
  check(ctx) {
    const cut = cutValues(ctx.doc.root);
    if (!cut.length) return;
    const [first, ...others] = cut;
    const shown = String(first.value);
    ctx.report({
      span: spanOf(first),
      message: `This document is \`ConvertTo-Json\` output cut at its depth limit (2 unless \`-Depth\` is given): ${cut.length} ${plural(cut.length, 'value')} ${cut.length === 1 ? 'is' : 'are'} PowerShell's display of an object or array (\`${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}\`), not the object. winnet cannot check what was cut, and HNS would refuse it as input. Export again with \`ConvertTo-Json -Depth 10\`.`,
      related: others.slice(0, RELATED).map((node) => ({ span: spanOf(node), message: 'also cut here' })),
    });
  },
};
