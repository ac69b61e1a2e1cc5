/**
 * A file written for `docker stack deploy`: its networks without a driver are overlay networks, not NAT networks
 * of a compose project. Only signals compose has no use for count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../documents/yaml';
import { buildComposeModel, effectiveDriver, findNetwork } from './model';
import { isSwarmStack } from './swarm';

const service = (deploy: string) => `services:\n  web:\n    image: x\n    deploy:\n${deploy}networks:\n  app:\n`;

describe('swarm stacks', () => {
  const cases: [name: string, path: string, text: string, stack: boolean][] = [
    ['a plain compose file', 'docker-compose.yml', service('      replicas: 2\n'), false],
    ['`mode: replicated` and `replicas`: compose honours them too', 'compose.yaml', service('      mode: replicated\n      replicas: 3\n'), false],
    ['`placement`', 'compose.yaml', service('      placement:\n        constraints: [node.platform.os == windows]\n'), true],
    ['`endpoint_mode`', 'compose.yaml', service('      endpoint_mode: dnsrr\n'), true],
    ['`update_config`', 'compose.yaml', service('      update_config:\n        parallelism: 1\n'), true],
    ['`rollback_config`', 'compose.yaml', service('      rollback_config:\n        parallelism: 1\n'), true],
    ['`mode: global`', 'compose.yaml', service('      mode: global\n'), true],
    ['named docker-stack.yml', 'C:\\src\\app\\docker-stack.yml', service('      replicas: 2\n'), true],
    ['named like a swarm file', '/src/docker-compose.hybrid-swarm.yml', service('      replicas: 2\n'), true],
    ['a folder named stack does not count', '/src/stack/docker-compose.yml', service('      replicas: 2\n'), false],
  ];
  for (const [name, path, text, stack] of cases)
    it(`${name}: ${stack ? 'a stack' : 'not a stack'}`, () => assert.equal(isSwarmStack(parseYaml(text).root, path), stack));

  it('in a stack, a network without a driver (and the implicit default network) is overlay; a written driver stays', () => {
    const text =
      'services:\n  web:\n    image: x\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  app:\n    internal: false\n  lan:\n    driver: transparent\n';
    const model = buildComposeModel(parseYaml(text).root, 'compose.yaml');
    assert.equal(model.stack, true);
    assert.deepEqual(effectiveDriver(findNetwork(model, 'app'), model.stack), { name: 'overlay', origin: 'stack-default' });
    assert.deepEqual(effectiveDriver(findNetwork(model, 'default'), model.stack), { name: 'overlay', origin: 'stack-default' });
    assert.equal(effectiveDriver(findNetwork(model, 'lan'), model.stack).name, 'transparent');
    const plain = buildComposeModel(
      parseYaml(text.replace(/ {4}deploy:\n {6}placement:\n {8}constraints: \[node.platform.os == windows\]\n/, '')).root,
      'compose.yaml',
    );
    assert.deepEqual(effectiveDriver(findNetwork(plain, 'app'), plain.stack), { name: 'nat', origin: 'default' });
  });
});
