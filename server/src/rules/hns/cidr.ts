import { hnsModel } from '../../hns/model';
import { badItems, isCidr, isIpAddress } from '../../hns/values';
import { walkFields } from '../../hns/walk';
import type { Rule } from '../types';
import { checkableString, isFormat, quoteList, spanOf } from './helpers';

/** HNS error codes HCN_E_INVALID_PREFIX and HCN_E_INVALID_SUBNET (HCN-HR). */
export const hnsCidrRule: Rule = {
  meta: {
    id: 'hns-cidr',
    title: 'Subnet or prefix that does not parse',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'Subnets (`AddressPrefix`, `IpAddressPrefix`), route destinations (`DestinationPrefix`), OutBoundNAT exceptions and ACL address lists are IPv4 or IPv6 prefixes in `address/length` form (exceptions and ACL lists may also hold plain addresses). HNS refuses a prefix it cannot parse (HCN_E_INVALID_PREFIX, HCN_E_INVALID_SUBNET); an ACL address list with anything else fails with HCN_E_INVALID_POLICY (words such as "Any" included).',
    remedy: 'Write the prefix as `10.0.0.0/24` or `fd00::/64`; leave an ACL address list out instead of writing "Any".',
    examples: { bad: '{ "Subnets": [{ "AddressPrefix": "10.0.0.0/33" }] }', good: '{ "Subnets": [{ "AddressPrefix": "10.0.0.0/24" }] }' },
    errors: ['The prefix provided is invalid (0x803b0030)', 'The provided subnet configuration is invalid or missing parameters (0x803b0032)'],
    sources: ['HNS-SCHEMA', 'HCN-HR', 'https://github.com/microsoft/hcsshim/issues/1059'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (!isFormat(use, 'cidr', 'cidrOrIp', 'addressList')) return;
      const value = checkableString(use.node);
      if (value === undefined || value.trim() === '') return;
      const format = use.type.kind === 'string' ? use.type.format : undefined;
      if (format === 'cidr' && !isCidr(value)) {
        ctx.report({
          span: spanOf(use.node),
          message: `\`${value}\` is not an IP prefix (\`address/length\`, e.g. 10.0.0.0/24 or fd00::/64): HNS refuses it (HCN_E_INVALID_PREFIX).`,
        });
      } else if (format === 'cidrOrIp' && !isCidr(value) && !isIpAddress(value)) {
        ctx.report({ span: spanOf(use.node), message: `\`${value}\` is neither an IP address nor a prefix (e.g. 10.0.0.0/8): HNS refuses the policy.` });
      } else if (format === 'addressList') {
        const bad = badItems(value, (a) => isCidr(a) || isIpAddress(a));
        if (bad.length)
          ctx.report({
            span: spanOf(use.node),
            message: `${quoteList(bad)} in \`${use.name}\` is not an IP address or prefix: HNS accepts only comma-separated addresses and prefixes here (leave the field out for "any") and refuses the policy (HCN_E_INVALID_POLICY).`,
          });
      }
    });
  },
};
