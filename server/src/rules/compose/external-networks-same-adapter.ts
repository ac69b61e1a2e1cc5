import { asScalar } from '../../documents/tree';
import { windowsDriver } from '../../knowledge/drivers';
import { WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { networksWithDrivers, optionPairs } from './helpers';

const INTERFACE = `${WINDOWSSHIM_PREFIX}interface`;

/** shared/windows-networking.md §2.3 transparent, §7 #23 (MSD-ADV, MSD-SWARM tips). */
export const externalNetworksSameAdapterRule: Rule = {
  meta: {
    id: 'external-networks-same-adapter',
    title: 'Several external-vSwitch networks without their own adapter',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: 'Each `transparent`, `l2bridge`, `l2tunnel` or `overlay` network binds an external vSwitch to a host adapter, and an adapter takes one vSwitch. Without `com.docker.network.windowsshim.interface` HNS picks a free adapter, so a second such network fails on a host with one spare adapter; a transparent network can also block swarm overlay initialisation.',
    remedy: 'Give each external network its own adapter with `com.docker.network.windowsshim.interface`.',
    examples: { bad: 'networks:\n  lan:\n    driver: transparent\n  k8s:\n    driver: l2bridge' },
    sources: ['MSD-ADV', 'MSD-SWARM', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/pull/595'],
  },
  check(ctx) {
    const external = networksWithDrivers(ctx.compose).filter((n) => n.driver.origin === 'explicit' && windowsDriver(n.driver.name)?.vswitch === 'external');
    if (external.length < 2) return;
    const seen = new Map<string, string>();
    for (const { network, driver } of external) {
      const adapter = asScalar(optionPairs(network.node).find((p) => p.key.value === INTERFACE)?.value)?.value;
      const name = adapter === undefined || adapter === null ? undefined : String(adapter);
      const clash = name === undefined ? undefined : seen.get(name);
      if (name !== undefined && clash === undefined) {
        seen.set(name, network.name);
        continue;
      }
      ctx.report({
        span: { start: driver.node!.start, end: driver.node!.end },
        message: clash
          ? `Networks \`${clash}\` and \`${network.name}\` both bind adapter \`${name}\`, and an adapter takes one external vSwitch: give each its own \`interface\`.`
          : `\`${network.name}\` is one of ${external.length} external-vSwitch networks in this file without its own \`${INTERFACE}\`: each needs a separate host adapter, or creating the second one fails.`,
      });
    }
  },
};
