import { hnsModel } from '../../hns/model';
import { isMac, macNumber } from '../../hns/values';
import { walkFields } from '../../hns/walk';
import { getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { checkableString, isFormat, spanOf } from './helpers';

/** MAC pools and MAC addresses written with dashes (HNS-SCHEMA, Get-HnsNetwork output). */
export const hnsMacAddressRule: Rule = {
  meta: {
    id: 'hns-mac-address',
    title: 'MAC address that does not parse, or a MAC range that runs backwards',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'HNS writes MAC addresses as six hexadecimal pairs joined by dashes (`00-15-5D-00-00-00`), in endpoint `MacAddress`, MAC pools, source and distributed-router MAC policies. A value that is not a MAC address is refused; a MAC pool whose start is above its end has no addresses.',
    remedy: 'Write six hexadecimal pairs, `00-15-5D-52-C0-00`; put the lower address in `StartMacAddress`.',
    caveat: 'Colon-separated MACs (`00:15:5d:...`) are accepted here: Docker converts them before it calls HNS, and no source says HNS itself refuses them.',
    examples: {
      bad: '{ "MacPools": [{ "StartMacAddress": "00-15-5D-52-CF-FF", "EndMacAddress": "00-15-5D-52-C0-00" }] }',
      good: '{ "MacPools": [{ "StartMacAddress": "00-15-5D-52-C0-00", "EndMacAddress": "00-15-5D-52-CF-FF" }] }',
    },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'MOBY-WIN'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (!isFormat(use, 'mac')) return;
      const value = checkableString(use.node);
      if (value === undefined || value.trim() === '') return;
      if (!isMac(value)) {
        ctx.report({ span: spanOf(use.node), message: `\`${value}\` is not a MAC address: HNS expects six hexadecimal pairs, e.g. 00-15-5D-00-00-00.` });
        return;
      }
      if (use.name !== 'StartMacAddress') return;
      const endNode = getPair(use.owner, 'EndMacAddress')?.value;
      const end = checkableString(endNode);
      const a = macNumber(value);
      const b = end === undefined ? undefined : macNumber(end);
      if (a !== undefined && b !== undefined && a > b) {
        ctx.report({
          span: spanOf(use.node),
          message: `MAC range \`${value}\`–\`${end}\` runs backwards: the pool has no addresses. Swap StartMacAddress and EndMacAddress.`,
          related: [{ span: spanOf(endNode!), message: 'the end of the range' }],
        });
      }
    });
  },
};
