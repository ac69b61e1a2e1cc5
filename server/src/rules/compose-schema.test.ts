/**
 * compose-schema end to end: each case is a compose file and every finding it must produce, as
 * `line:column text` of the exact range plus the message; no other finding may appear.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument } from '../engine/check';
import { composeSchemaRule } from './compose-schema';

function findings(text: string, path = 'compose.yaml'): string[] {
  const doc = parseDocument(path, text);
  const result = checkDocument(doc, { ruleSet: [composeSchemaRule] });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map(
    (f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${text.slice(f.span.start, f.span.end)} | ${f.rule} ${f.severity} | ${f.message}`,
  );
}

const cases: { name: string; text: string; expect: string[] }[] = [
  {
    name: 'a valid Windows compose file',
    text: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis\n    isolation: process\n    ports: ["8080:80"]\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    expect: [],
  },
  {
    name: 'number where a duration string goes: quote it',
    text: 'services:\n  web:\n    image: web\n    healthcheck:\n      interval: 30\n',
    expect: ['5:17 30 | compose-schema error | `interval`: expected a string, got an integer: quote it'],
  },
  {
    name: 'driver_opts take strings or numbers: a YAML boolean says so once, not once per branch',
    text: 'networks:\n  lan:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: true\n',
    expect: ['5:58 true | compose-schema error | `com.docker.network.windowsshim.enable_outboundnat`: expected a string or a number, got a boolean: quote it'],
  },
  {
    name: 'unknown keys at the key, with a suggestion',
    text: 'services:\n  web:\n    imagee: web\n    x-note: fine\nnetworkz: {}\n',
    expect: [
      '3:5 imagee | compose-schema error | `imagee` is not allowed here: did you mean `image`?',
      '5:1 networkz | compose-schema error | `networkz` is not allowed here: did you mean `networks`?',
    ],
  },
  {
    name: 'oneOf by type: a long-form port or volume with wrong fields is reported inside the mapping',
    text: 'services:\n  web:\n    image: web\n    ports:\n      - target: 80\n        published: true\n    volumes:\n      - type: npip\n        source: x\n        target: y\n',
    expect: [
      '6:20 true | compose-schema error | `published`: expected a string or an integer, got a boolean: quote it',
      '8:15 npip | compose-schema error | `type`: `npip` is not one of `bind`, `volume`, `tmpfs`, `cluster`, `npipe`, `image`: did you mean `npipe`?',
    ],
  },
  {
    name: 'oneOf by type: no branch takes a boolean',
    text: 'services:\n  web:\n    image: web\n    ports:\n      - true\n',
    expect: ['5:9 true | compose-schema error | item 1 of `ports`: expected a string, a number or a mapping, got a boolean: quote it'],
  },
  {
    name: 'a wrong block mapping is marked at its key',
    text: 'services:\n  web:\n    image: web\n    command:\n      a: 1\n',
    expect: ['4:5 command | compose-schema error | `command`: expected a string, a list or null, got a mapping'],
  },
  {
    name: 'missing required key at the key naming the object',
    text: 'services:\n  web:\n    image: web\n    ulimits:\n      nofile:\n        soft: 1\n',
    expect: ['5:7 nofile | compose-schema error | `nofile`: missing required `hard`'],
  },
  {
    name: 'every error is reported, not just the first',
    text: 'services:\n  a:\n    image: 1\n  b:\n    image: 2\n    restart: [no]\n',
    expect: [
      '3:12 1 | compose-schema error | `image`: expected a string, got an integer: quote it',
      '5:12 2 | compose-schema error | `image`: expected a string, got an integer: quote it',
      '6:14 [no] | compose-schema error | `restart`: expected a string, got a list',
    ],
  },
  {
    name: 'interpolated values are left to compose',
    text: 'services:\n  web:\n    image: web\n    healthcheck:\n      retries: ${RETRIES:-3}\n    cpus: $CPUS\n',
    expect: [],
  },
  {
    name: 'a wrong value inside an anchor is reported at the anchor, once per use',
    text: 'x-hc: &hc\n  interval: 30\nservices:\n  a:\n    image: a\n    healthcheck: *hc\n  b:\n    image: b\n    healthcheck: *hc\n',
    expect: ['2:13 30 | compose-schema error | `interval`: expected a string, got an integer: quote it'],
  },
  {
    name: 'merge keys are applied before validation',
    text: 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: web\n',
    expect: [],
  },
  { name: '!reset values are dropped like compose does', text: 'services:\n  web:\n    image: web\n    ports: !reset null\n', expect: [] },
  {
    name: 'uniqueItems points at the duplicate, in a list compose keeps as written (security_opt)',
    text: 'services:\n  web:\n    image: web\n    security_opt:\n      - no-new-privileges\n      - no-new-privileges\n',
    expect: ['6:9 no-new-privileges | compose-schema error | item 2 of `security_opt`: duplicate of item 1: items must be unique'],
  },
  {
    name: 'lists compose deduplicates before it validates are never a uniqueItems error (compose-go loader.go: EnforceUnicity, then schema.Validate)',
    text: 'services:\n  web:\n    image: web\n    dns: [10.0.0.1, 10.0.0.1]\n    labels: [tier=web, tier=web]\n    cap_add: [NET_ADMIN, NET_ADMIN]\n    ports: ["80:80", "80:80"]\n    networks:\n      app:\n        aliases: [api, api]\nnetworks:\n  app:\n',
    expect: [],
  },
];

describe('compose-schema', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(findings(c.text), c.expect));

  it('an alias bomb is not expanded: one note instead of a hang', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('services:\n  web:\n    image: web\n    x-bomb: *a8');
    const out = findings(`${lines.join('\n')}\n`);
    assert.equal(out.length, 1);
    assert.match(
      out[0],
      /compose-schema information \| Not checked against the compose schema: its anchors and aliases expand to more than 1,000,000 values\./,
    );
  });
});
