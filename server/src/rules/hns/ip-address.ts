import { hnsModel } from '../../hns/model';
import { badItems, isIpAddress } from '../../hns/values';
import { walkFields } from '../../hns/walk';
import type { Rule } from '../types';
import { checkableString, isFormat, quoteList, spanOf } from './helpers';

/** HCN_E_INVALID_IP (HCN-HR). */
export const hnsIpAddressRule: Rule = {
  meta: {
    id: 'hns-ip-address',
    title: 'IP address that does not parse',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'Endpoint addresses, gateways, next hops, VIPs, provider addresses and DNS server lists hold IPv4 (four-part decimal) or IPv6 addresses; the v1 `DNSServerList` is one comma-separated string. HNS refuses an address it cannot parse (HCN_E_INVALID_IP).',
    remedy: 'Write a plain address (`10.0.0.5`, `fd00::5`), without a prefix length; list DNS servers as `"10.0.0.10,10.0.0.11"` in v1 and as an array in v2.',
    examples: {
      bad: '{ "VirtualNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "IPAddress": "10.0.0.5/24" }',
      good: '{ "VirtualNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "IPAddress": "10.0.0.5", "PrefixLength": 24 }',
    },
    errors: ['IP address is either invalid or not part of any configured subnet(s) (0x803b001e)', 'An address provided is invalid or reserved (0x803b002f)'],
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'HCN-HR'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (!isFormat(use, 'ip', 'ipList')) return;
      const value = checkableString(use.node);
      if (value === undefined || value.trim() === '') return;
      const bad = use.type.kind === 'string' && use.type.format === 'ipList' ? badItems(value, isIpAddress) : isIpAddress(value) ? [] : [value];
      if (!bad.length) return;
      const hint = bad.some((b) => b.includes('/')) ? ' Give the prefix length in its own field, not after the address.' : '';
      ctx.report({ span: spanOf(use.node), message: `${quoteList(bad)} is not an IP address: HNS refuses it (HCN_E_INVALID_IP).${hint}` });
    });
  },
};
