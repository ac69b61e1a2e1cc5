/** `privileged`: `privileged: true` on a Windows service. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const ID = 'privileged';

const cases: RuleCase[] = [
  {
    name: '`privileged: true`: error on key and value (moby runconfig/hostconfig_windows.go validatePrivileged)',
    rule: ID,
    yaml: `${WIN}    privileged: true\n`,
    expect: [
      {
        rule: ID,
        severity: 'error',
        range: '3:4-3:20',
        message: ['Service `web`', 'no privileged mode', '"invalid option: privileged mode is not supported for Windows containers"', 'Remove `privileged`'],
      },
    ],
  },
  {
    name: 'the strings compose reads as true: "true", "yes", "on" (compose-go toBoolean)',
    rule: ID,
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          privileged: "true"
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          privileged: 'Yes'
        c:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          privileged: "on"
    `,
    expect: [
      { rule: ID, severity: 'error', range: '3:4-3:22', message: ['`a`'] },
      { rule: ID, severity: 'error', range: '6:4-6:21', message: ['`b`'] },
      { rule: ID, severity: 'error', range: '9:4-9:20', message: ['`c`'] },
    ],
  },
  {
    name: 'one key shared through a merge key: reported once where it is written, naming every Windows service',
    rule: ID,
    yaml: yaml`
      x-common: &common
        image: mcr.microsoft.com/windows/nanoserver:ltsc2022
        privileged: true
      services:
        a:
          <<: *common
        b:
          <<: *common
    `,
    expect: [{ rule: ID, severity: 'error', range: '2:2-2:18', message: ['Services `a`, `b`'] }],
  },
  {
    name: 'in a swarm stack: a warning (`docker stack deploy` drops the key; `docker compose up` fails)',
    rule: ID,
    yaml: `${WIN}    privileged: true\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\n`,
    expect: [{ rule: ID, severity: 'warning', range: '3:4-3:20', message: ['`docker stack deploy` drops the key', '`docker compose up` fails'] }],
  },
  {
    name: 'near misses: `false`, "no", a variable, `build.privileged` (the build container), a Linux service in the same file',
    rule: ID,
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          privileged: false
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          privileged: "no"
        c:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          privileged: \${PRIVILEGED:-true}
        d:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          build:
            context: .
            privileged: true
        e:
          image: alpine:3.20
          platform: linux/amd64
          privileged: true
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the line, keeps the comment and the keys around it',
    rule: ID,
    preferred: true,
    yaml: `${WIN}    privileged: true\n    # the app server\n    isolation: process\n`,
    expected: `${WIN}    # the app server\n    isolation: process\n`,
  },
];

describeRule(ID, cases, fixes);

describe('privileged: fixes it does not offer', () => {
  it('a key shared through a merge key is not removed: other services, Linux ones too, read it', () => {
    const text = 'x-common: &common\n  privileged: true\nservices:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    <<: *common\n';
    const finding = check(text).find((f) => f.rule === ID);
    assert.deepEqual(finding?.fixes, []);
  });
});
