import { closest } from '../../util/closest';
import { isInterpolated } from '../../compose/interpolation';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { scalarPair } from './support/helpers';

const VALID = ['default', 'process', 'hyperv'];

/** moby api/types/container/hostconfig_windows.go (Isolation.IsValid). */
export const isolationValueRule: Rule = {
  meta: {
    id: 'isolation-value',
    title: 'Invalid `isolation` value',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description:
      "Windows accepts `default`, `process` and `hyperv` (compared case-insensitively); anything else fails with `invalid isolation (...): Windows supports 'default', 'process', or 'hyperv'`. Hyper-V isolation is the default on Windows 10/11, process isolation on Windows Server.",
    remedy: 'Use `process`, `hyperv` or `default`.',
    examples: {
      command: 'docker run -d --isolation hyper-v mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: hyper-v\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: hyperv\n',
    },
    errors: ["invalid isolation (<value>): Windows supports 'default', 'process', or 'hyperv'"],
    sources: ['MOBY-HC', 'MOBY-D'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const isolation = scalarPair(service.node, 'isolation');
      if (!isolation || isolation.value.value === null || isInterpolated(isolation.value.value)) continue;
      const value = String(isolation.value.value);
      if (VALID.includes(value.toLowerCase())) continue;
      const suggestion = closest(value.replace(/[-_ ]/g, ''), VALID, 3);
      ctx.report({
        span: { start: isolation.value.start, end: isolation.value.end },
        message: `\`isolation: ${value}\` fails on Windows: it must be \`default\`, \`process\` or \`hyperv\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
        fixes: suggestion ? fix(`Use \`${suggestion}\``, replaceScalar(isolation.value, suggestion), true) : [],
      });
    }
  },
};
