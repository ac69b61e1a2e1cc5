import { driverOption, WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

/**
 * moby `daemon/libnetwork/drivers/windows/windows.go`: parseEndpointOptions (and ParseDNSServers) type-assert
 * the endpoint options, and `daemon/network.go` buildCreateEndpointOptions passes a service's endpoint
 * `driver_opts` as strings, so each fails with "Invalid endpoint configuration". CreateNetwork with a user
 * `hnsid` deletes the HNS endpoints already on that network and marks it created, so DeleteNetwork deletes the
 * HNS network; the overlay driver ignores `hnsid` (`overlay/ov_network_windows.go`).
 */
export const windowsshimInternalOptionRule: Rule = {
  meta: {
    id: 'windowsshim-internal-option',
    title: 'Option Docker sets for itself',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "Some driver options are Docker's own bookkeeping. The endpoint options `com.docker.network.windowsshim.disableicc`, `disable_dns`, `com.docker.endpoint.windowsshim.qospolicies`, `com.docker.network.endpoint.macaddress` and `com.docker.network.endpoint.dnsservers` are typed values the Windows driver asserts; in a service's network `driver_opts` they arrive as strings, and the container fails to start with `Invalid endpoint configuration` (error). `hnsid` makes Docker adopt an existing HNS network and then treat it as its own: it deletes the endpoints already on that HNS network, and `docker compose down` deletes the HNS network itself (warning). `hnsowned` marks networks Docker found on the host (information).",
    remedy:
      'Remove the option. To use an existing HNS network, declare it `external: true` with its `name:`; for a MAC address or DNS servers use `mac_address` and `dns`.',
    caveat: 'Read from the daemon and driver code; Microsoft documents none of these options.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      app:\n        driver_opts:\n          com.docker.network.windowsshim.disableicc: "true"\nnetworks:\n  app:\n    driver: nat\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    errors: ['Invalid endpoint configuration'],
    sources: ['MOBY-WIN', 'MOBY-DNET', 'MOBY-OV', 'MOBY-NET'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      if (option?.status !== 'internal') continue;
      const span = { start: use.pair.key.start, end: use.pair.key.end };
      if ((option.level ?? 'network') === 'endpoint') {
        if (use.level === 'endpoint') {
          ctx.report({
            span,
            message: `\`${use.key}\` is an internal endpoint option: ${option.notes} The container on network \`${use.networkName}\` does not start. Remove it.`,
          });
        } else {
          ctx.report({
            span,
            severity: 'warning',
            message: `\`${use.key}\` is an endpoint option Docker sets for itself; in a network's \`driver_opts\` nothing reads it. Remove it.`,
          });
        }
      } else if (use.key === `${WINDOWSSHIM_PREFIX}hnsid`) {
        ctx.report({
          span,
          severity: 'warning',
          message:
            use.driver.name === 'overlay'
              ? `\`hnsid\` is ignored on overlay network \`${use.networkName}\`: the Windows overlay driver creates a new HNS network. Remove it.`
              : `\`hnsid\` makes Docker adopt that HNS network as its own: it deletes the endpoints already on it, and removing network \`${use.networkName}\` (\`docker compose down\`) deletes the HNS network. Declare the network \`external: true\` with its \`name:\` instead.`,
        });
      } else {
        ctx.report({ span, severity: 'information', message: `\`${use.key}\` is set by Docker itself. ${option.meaning}` });
      }
    }
  },
};
