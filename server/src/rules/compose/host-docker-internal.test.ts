/** `host-docker-internal`: `host.docker.internal` in a Windows container. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'in an environment mapping: the value',
    rule: 'host-docker-internal',
    yaml: `${WIN}    environment:\n      API_URL: http://host.docker.internal:5000\n`,
    expect: [{ rule: 'host-docker-internal', severity: 'information', range: '4:15-4:47', message: ['`host.docker.internal`', '`web`', 'host address'] }],
  },
  {
    name: 'in an environment list: the item',
    rule: 'host-docker-internal',
    yaml: `${WIN}    environment:\n      - "DB=host.docker.internal"\n`,
    expect: [{ rule: 'host-docker-internal', severity: 'information', range: '4:8-4:33' }],
  },
  {
    name: 'near misses: other hosts; the name outside `environment`',
    rule: 'host-docker-internal',
    yaml: `${WIN}    environment:\n      API_URL: http://localhost:5000\n      HOST: docker.internal\n    labels:\n      target: host.docker.internal\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('host-docker-internal', cases, fixes);
