/**
 * Whether a compose file is written for `docker stack deploy` (swarm) rather than `docker compose up`. It
 * matters for networks: a stack network without `driver:` (and a stack's `default` network) is created as
 * `overlay` (docker/cli `cli/command/stack/swarm/deploy.go`: `defaultNetworkDriver = "overlay"`), where compose
 * on a Windows host gets `nat`.
 *
 * The signals are ones compose itself has no use for: `deploy.placement`, `endpoint_mode`, `update_config`,
 * `rollback_config`, `mode: global`, or a file named like a stack or a swarm file (`docker-stack.yml`,
 * `docker-compose.hybrid-swarm.yml`). `mode: replicated`, `replicas` and a network's `attachable` are not:
 * compose passes them on too.
 */
import { asMap, get, getPair, pairs, scalarText, type Node } from '../documents/tree';

/** `deploy` keys only `docker stack deploy` reads. */
export const SWARM_DEPLOY_KEYS = ['placement', 'endpoint_mode', 'update_config', 'rollback_config'];
const STACK_NAME = /(^|[\\/])[^\\/]*(stack|swarm)[^\\/]*\.ya?ml$/i;

export function isSwarmStack(root: Node | undefined, path: string): boolean {
  if (STACK_NAME.test(path)) return true;
  for (const service of pairs(get(root, 'services'))) {
    const deploy = asMap(get(service.value, 'deploy'));
    if (!deploy) continue;
    if (SWARM_DEPLOY_KEYS.some((key) => getPair(deploy, key) !== undefined) || scalarText(get(deploy, 'mode')) === 'global') return true;
  }
  return false;
}
