import { fillEmptyValue, quoteScalar, fix } from '../edits';
import { asScalar } from '../../documents/tree';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

/**
 * compose-spec `schema/compose-spec.json`: `driver_opts` values are `["string", "number"]`, and compose-go turns no
 * null into an empty string before it validates (`loader/loader.go`), so `encrypted:` alone is refused too.
 */
export const driverOptsTypeRule: Rule = {
  meta: {
    id: 'driver-opts-type',
    title: 'Driver option value that is not a string or number',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'any',
    fixable: true,
    description:
      'The compose specification allows only strings and numbers as `driver_opts` values, and compose refuses the file otherwise (`driver_opts.<key> must be a number or string`). Windows options such as `com.docker.network.windowsshim.enable_outboundnat: true` are the usual victims: YAML reads an unquoted `true` as a boolean. A key with no value, such as the overlay flag `encrypted:`, is null, and refused the same way.',
    remedy: 'Quote the value: `"true"`; give a flag an empty string: `encrypted: ""`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [k8s]\nnetworks:\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [k8s]\nnetworks:\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n',
    },
    errors: ['driver_opts.<key> must be a number or string'],
    sources: ['CS-SCHEMA', 'MSD-ADV'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const value = asScalar(use.pair.value);
      const kind = value ? (value.value === null ? 'null' : typeof value.value) : use.pair.value.kind === 'seq' ? 'list' : 'mapping';
      if (kind === 'string' || kind === 'number') continue;
      const shown = value ? ctx.doc.text.slice(value.start, value.end) || 'an empty value' : `a ${kind}`;
      ctx.report({
        span: value && value.end > value.start ? { start: value.start, end: value.end } : { start: use.pair.key.start, end: use.pair.key.end },
        message: `\`${use.key}\` must be a string or a number, and ${shown === 'an empty value' ? 'it has no value (null)' : `\`${shown}\` is a ${kind}`}: compose refuses the file. ${kind === 'boolean' ? `Quote it: \`"${shown}"\`.` : kind === 'null' ? 'Give it an empty string: `""`.' : 'Write it as a string.'}`,
        fixes:
          value && kind === 'boolean'
            ? fix(`Quote the value: "${shown}"`, quoteScalar(ctx.doc, value), true)
            : kind === 'null'
              ? fix('Give it an empty string: ""', fillEmptyValue(ctx.doc, use.pair, '""'), true)
              : [],
      });
    }
  },
};
