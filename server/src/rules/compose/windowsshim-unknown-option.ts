import { DRIVER_OPTIONS, WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import { closest } from '../../util/closest';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

const KNOWN = DRIVER_OPTIONS.map((o) => o.key);

/** Option names from moby daemon/libnetwork/drivers/windows/labels.go. */
export const windowsshimUnknownOptionRule: Rule = {
  meta: {
    id: 'windowsshim-unknown-option',
    title: 'Unknown `com.docker.network.windowsshim.*` option',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: `The Windows driver reads a fixed set of option names, case-sensitively: ${KNOWN.filter((k) => k.startsWith(WINDOWSSHIM_PREFIX))
      .map((k) => `\`${k.slice(WINDOWSSHIM_PREFIX.length)}\``)
      .join(', ')}. Any other name is stored with the network and silently ignored.`,
    remedy: 'Correct the option name (winnet suggests the closest known one).',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanId: "11"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanid: "11"\n',
    },
    sources: ['MOBY-LABELS', 'MSD-ADV'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      if (!use.key.startsWith(WINDOWSSHIM_PREFIX) || KNOWN.includes(use.key)) continue;
      const suggestion = closest(use.key, KNOWN);
      // Renaming onto an option that is already set would make a duplicate key, which compose refuses.
      const taken = suggestion !== undefined && use.siblings.some((p) => p !== use.pair && String(p.key.value) === suggestion);
      ctx.report({
        span: { start: use.pair.key.start, end: use.pair.key.end },
        message: `\`${use.key}\` is not an option the Windows driver reads, so it is silently ignored.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}${taken ? ' That option is already set here.' : ''}`,
        fixes: suggestion && !taken ? fix(`Rename to \`${suggestion}\``, replaceScalar(use.pair.key, suggestion), true) : [],
      });
    }
  },
};
