import { basename } from '../../compose/paths';
import { findNetwork } from '../../compose/model';
import { isInterpolated } from '../../compose/interpolation';
import { get } from '../../documents/tree';
import { closest } from '../../util/closest';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';

/**
 * compose-spec/compose-go `loader/validate.go` checkConsistency: every network a service names must be declared
 * at the top level (an existing one with `external: true`), except the implicit `default`
 * (`loader/normalize.go`). It runs after profiles are applied, so a service with `profiles:` is only checked when
 * its profile is enabled: such services are left alone here.
 */
export const undefinedNetworkRule: Rule = {
  meta: {
    id: 'undefined-network',
    title: 'Service joins a network no file of the project defines',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'any',
    fixable: true,
    description:
      'compose refuses a project where a service joins a network that is not declared under the top-level `networks:` (`service "web" refers to undefined network backend: invalid compose project`), on every platform. An existing network, such as the Windows host\'s `nat`, must be declared too, with `external: true`; only the implicit `default` network needs no declaration. When the file is checked alone but has partner files beside it (`docker-compose.yml` with a `docker-compose.prod.yml`), the network may come from them, so the finding is information until the files are checked together.',
    remedy:
      'Declare the network under `networks:` (for an existing one: `external: true` and its `name:`), or fix the name in the service. Check partner files together: `winnet check -f docker-compose.yml -f docker-compose.prod.yml`, or `winnet.composeFileSets`.',
    caveat: 'Services with `profiles:` are not checked, as compose checks only the services of the enabled profiles.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [backend]\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [backend]\nnetworks:\n  backend:\n    driver: nat\n',
    },
    errors: ['service <service> refers to undefined network <network>: invalid compose project'],
    sources: ['https://github.com/compose-spec/compose-go/blob/main/loader/validate.go', 'CS-NET'],
  },
  check(ctx) {
    const declared = ctx.compose.networks.map((n) => n.name);
    const { files, partners } = ctx.fileSet;
    // A file alone that has partners, or whose services are fragments (no image, no build: an override file),
    // is one part of a project: the other parts may declare the network.
    const fragment = files.length === 1 && ctx.compose.services.some((s) => !get(s.node, 'image') && !get(s.node, 'build') && !get(s.node, 'extends'));
    const partial = files.length === 1 && (partners.length > 0 || fragment);
    for (const service of ctx.compose.services) {
      if (get(service.node, 'profiles') !== undefined) continue;
      for (const attachment of service.attachments) {
        if (attachment.implicit || attachment.name === 'default' || isInterpolated(attachment.name) || findNetwork(ctx.compose, attachment.name)) continue;
        const refusal = `service "${service.name}" refers to undefined network ${attachment.name}: invalid compose project`;
        const guess = closest(attachment.name, declared, 2);
        const hint = guess ? ` Did you mean \`${guess}\`?` : '';
        const where = partners.length
          ? `; it may come from ${partners
              .slice(0, 2)
              .map((p) => `\`${basename(p)}\``)
              .join(' or ')}, checked with this file`
          : '; it may come from the files this one is merged with';
        ctx.report({
          span: { start: attachment.node.start, end: attachment.node.end },
          severity: partial ? 'information' : undefined,
          message: partial
            ? `Network \`${attachment.name}\` is not declared in this file${where}. Alone, compose refuses it: "${refusal}".${hint}`
            : `compose refuses the project: "${refusal}". Declare \`${attachment.name}\` under \`networks:\` (an existing network with \`external: true\`).${hint}`,
          fixes: guess ? fix(`Use \`${guess}\``, replaceScalar(attachment.node, guess), false) : [],
        });
      }
    }
  },
};
