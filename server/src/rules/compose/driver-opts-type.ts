import { quoteScalar, fix } from '../edits';
import { asScalar } from '../../documents/tree';
import type { Rule } from '../types';
import { allDriverOptions } from './helpers';

/** shared/windows-networking.md §5.1, §7 #21 (compose-spec schema: driver_opts values are string | number). */
export const driverOptsTypeRule: Rule = {
  meta: {
    id: 'driver-opts-type',
    title: 'Driver option value that is not a string or number',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'any',
    fixable: true,
    description:
      "The compose specification allows only strings and numbers as `driver_opts` values, and compose refuses the file otherwise. Windows options such as `com.docker.network.windowsshim.enable_outboundnat: true` are the usual victims: YAML reads an unquoted `true` as a boolean.",
    remedy: 'Quote the value: `"true"`.',
    examples: { bad: 'driver_opts:\n  com.docker.network.windowsshim.enable_outboundnat: true', good: 'driver_opts:\n  com.docker.network.windowsshim.enable_outboundnat: "true"' },
    sources: ['CS-SCHEMA', 'MSD-ADV'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const value = asScalar(use.pair.value);
      const kind = value ? (value.value === null ? 'null' : typeof value.value) : use.pair.value.kind === 'seq' ? 'list' : 'mapping';
      if (kind === 'string' || kind === 'number') continue;
      if (kind === 'null' && use.key === 'encrypted') continue; // `encrypted:` with no value is how people write the flag; compose accepts an empty value
      const shown = value ? ctx.doc.text.slice(value.start, value.end) || 'an empty value' : `a ${kind}`;
      ctx.report({
        span: value && value.end > value.start ? { start: value.start, end: value.end } : { start: use.pair.key.start, end: use.pair.key.end },
        message: `\`${use.key}\` must be a string or a number, and ${shown === 'an empty value' ? 'it has an empty value' : `\`${shown}\` is a ${kind}`}: compose refuses the file. ${kind === 'boolean' ? `Quote it: \`"${shown}"\`.` : 'Write it as a string.'}`,
        fixes: value && kind === 'boolean' ? fix(`Quote the value: "${shown}"`, quoteScalar(ctx.doc, value), true) : [],
      });
    }
  },
};
