import { hnsModel } from '../../hns/model';
import { badItems, isPort, isPortOrRange } from '../../hns/values';
import { walkFields } from '../../hns/walk';
import type { Rule } from '../types';
import { checkableString, integerValue, quoteList, spanOf } from './helpers';

/** HCN_E_INVALID_INTERNAL_PORT; port fields per HNS-SCHEMA. */
export const hnsPortRangeRule: Rule = {
  meta: {
    id: 'hns-port-range',
    title: 'Port outside 1–65535, or a port list that does not parse',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'Ports are 1–65535. HNS refuses a zero internal port in a port mapping or load balancer (HCN_E_INVALID_INTERNAL_PORT). Ports written as strings (proxy ports) must be decimal numbers, and ACL port lists are comma-separated ports or `low-high` ranges with the low end first. Values above 65535 are already refused by the schema (16-bit fields).',
    remedy: 'Use a port from 1 to 65535; write ranges as `8000-8010`.',
    caveat:
      'A zero `ExternalPort` in a v1 `NAT` or v2 `PortMapping` policy is how Docker asks HNS for an ephemeral host port (moby `windows.go` sends it for every `-p 80` on nat and reads the chosen port back; the WinNAT team blog: dynamic port mappings work "since IPAM is handled by HNS"), so it is not reported. Elsewhere a zero port is a warning: no source says what HNS does with it.',
    examples: {
      bad: '{ "Type": "PortMapping", "Settings": { "Protocol": "TCP", "InternalPort": 0, "ExternalPort": 8080 } }',
      good: '{ "Type": "PortMapping", "Settings": { "Protocol": "TCP", "InternalPort": 80, "ExternalPort": 8080 } }',
    },
    errors: ['The internal port must exist and cannot be zero (0x803b002d)'],
    sources: ['HNS-SCHEMA', 'HCN-HR', 'HCSSHIM', 'MOBY-WIN', 'MSD-WINNAT'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      const { type } = use;
      if (type.kind === 'int' && type.format === 'port') {
        if (integerValue(use.node) !== 0) return;
        const internal = use.name === 'InternalPort';
        // Docker's own request for an ephemeral host port.
        if (use.name === 'ExternalPort' && /^(nat|portmapping)$/i.test(use.policy?.type ?? '')) return;
        ctx.report({
          span: spanOf(use.node),
          severity: internal ? 'error' : 'warning',
          message: internal
            ? '`InternalPort` 0 is refused by HNS (HCN_E_INVALID_INTERNAL_PORT): use the container port, 1–65535.'
            : `\`${use.name}\` 0 is not a port: use 1–65535.`,
        });
        return;
      }
      if (type.kind !== 'string' || (type.format !== 'port' && type.format !== 'portList')) return;
      const value = checkableString(use.node);
      if (value === undefined || value.trim() === '') return;
      const bad = type.format === 'port' ? (isPort(value) ? [] : [value]) : badItems(value, isPortOrRange);
      if (bad.length) {
        const what = type.format === 'port' ? 'a port (1–65535, decimal)' : 'a port or a `low-high` range of ports (1–65535)';
        ctx.report({ span: spanOf(use.node), message: `${quoteList(bad)} in \`${use.name}\` is not ${what}: HNS refuses the policy.` });
      }
    });
  },
};
