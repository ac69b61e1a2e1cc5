import { driverOption } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { allDriverOptions } from './helpers';

/** shared/windows-networking.md §5.1 (`hnsid`, `hnsowned`, `disableicc`, `disable_dns`, `qospolicies`). */
export const windowsshimInternalOptionRule: Rule = {
  meta: {
    id: 'windowsshim-internal-option',
    title: 'Option Docker sets for itself',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "Some `windowsshim` options are Docker's own bookkeeping: `hnsid` (a user value makes Docker adopt that existing HNS network instead of creating one), `hnsowned` (marks networks found on the host), and the endpoint options `disableicc`, `disable_dns` and `com.docker.endpoint.windowsshim.qospolicies`, which the driver expects as typed values: compose passes strings, which the driver refuses with `Invalid endpoint configuration`.",
    remedy: 'Remove the option. To use an existing HNS network, declare it `external: true` with its `name:`.',
    caveat: 'The effects are read from the driver code, not documented; network-level `hnsid`/`hnsowned` are information, the endpoint options a warning.',
    examples: { bad: 'driver_opts:\n  com.docker.network.windowsshim.hnsid: "7c6a1f5e-..."' },
    sources: ['MOBY-WIN', 'MOBY-NET'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      if (option?.status !== 'internal') continue;
      const endpoint = (option.level ?? 'network') === 'endpoint';
      ctx.report({
        span: { start: use.pair.key.start, end: use.pair.key.end },
        severity: endpoint ? 'warning' : 'information',
        message: endpoint
          ? `\`${use.key}\` is an internal endpoint option: the Windows driver expects a typed value, and compose's string makes it fail with "Invalid endpoint configuration". Remove it.`
          : `\`${use.key}\` is set by Docker itself. ${option.meaning}`,
      });
    }
  },
};
