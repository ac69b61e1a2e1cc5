/**
 * JSON pointer → text range, table-tested in YAML and JSON: the key for an unknown property, the key naming the
 * object for a missing one, the value for a wrong value (or its key when it spans lines). `«` and `»` mark the
 * expected range in each text and are removed before parsing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import type { ProblemTarget } from './problems';
import { problemSpan } from './spans';

function marked(source: string): { text: string; start: number; end: number } {
  const start = source.indexOf('«');
  const end = source.indexOf('»') - 1;
  return { text: source.replace('«', '').replace('»', ''), start, end };
}

interface Case {
  name: string;
  file: string;
  source: string;
  pointer: string;
  target: ProblemTarget;
}

const value: ProblemTarget = { kind: 'value' };
const parent: ProblemTarget = { kind: 'parent-key' };
const key = (property: string): ProblemTarget => ({ kind: 'property-key', property });

const cases: Case[] = [
  // YAML
  {
    name: 'yaml: unknown key → the key',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    «imagee»: x\n',
    pointer: '/services/web',
    target: key('imagee'),
  },
  {
    name: 'yaml: wrong scalar → the value',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    healthcheck:\n      interval: «30»\n',
    pointer: '/services/web/healthcheck/interval',
    target: value,
  },
  {
    name: 'yaml: quoted scalar → the value with its quotes',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    mem_limit: «"1g"»\n',
    pointer: '/services/web/mem_limit',
    target: value,
  },
  {
    name: 'yaml: missing key → the key naming the object',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    «ulimits»:\n      nofile:\n        soft: 1\n',
    pointer: '/services/web/ulimits',
    target: parent,
  },
  {
    name: 'yaml: wrong block mapping → its key, not its lines',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    «environment»:\n      - A\n      - B\n',
    pointer: '/services/web/environment',
    target: value,
  },
  {
    name: 'yaml: wrong flow mapping on one line → the value',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    build: «{ context: . }»\n',
    pointer: '/services/web/build',
    target: value,
  },
  {
    name: 'yaml: list item → the item',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    ports:\n      - 80\n      - «true»\n',
    pointer: '/services/web/ports/1',
    target: value,
  },
  {
    name: 'yaml: block mapping item missing a key → its first key',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    ports:\n      - «mode»: host\n        protocol: tcp\n',
    pointer: '/services/web/ports/0',
    target: parent,
  },
  {
    name: 'yaml: key with no value → the key',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    «image»:\n',
    pointer: '/services/web/image',
    target: value,
  },
  {
    name: 'yaml: value through an alias → the anchored text',
    file: 'compose.yaml',
    source: 'x-hc: &hc\n  interval: «30»\nservices:\n  web:\n    healthcheck: *hc\n',
    pointer: '/services/web/healthcheck/interval',
    target: value,
  },
  {
    name: 'yaml: value through a merge key → the anchored text',
    file: 'compose.yaml',
    source: 'x-base: &base\n  restart: «7»\nservices:\n  web:\n    <<: *base\n    image: x\n',
    pointer: '/services/web/restart',
    target: value,
  },
  {
    name: 'yaml: an alias used where a value is wrong → the alias',
    file: 'compose.yaml',
    source: 'x-n: &n 5\nservices:\n  web:\n    image: «*n»\n',
    pointer: '/services/web/image',
    target: value,
  },
  { name: 'yaml: root missing a key → the first key', file: 'compose.yaml', source: '«name»: app\n', pointer: '', target: parent },
  { name: 'yaml: CRLF line ends', file: 'compose.yaml', source: 'services:\r\n  web:\r\n    «imagee»: x\r\n', pointer: '/services/web', target: key('imagee') },
  {
    name: 'yaml: key with a slash (pointer escape ~1)',
    file: 'compose.yaml',
    source: 'services:\n  web:\n    labels:\n      a/b: «1»\n',
    pointer: '/services/web/labels/a~1b',
    target: value,
  },
  {
    name: 'yaml: pointer past the tree → the deepest key that exists',
    file: 'compose.yaml',
    source: 'services:\n  «web»:\n    image: x\n',
    pointer: '/services/web/deploy/resources',
    target: value,
  },
  // JSON
  { name: 'json: unknown key → the key with its quotes', file: 'net.json', source: '{ "Name": "a", «"Nmae"»: "b" }', pointer: '', target: key('Nmae') },
  {
    name: 'json: wrong value → the value',
    file: 'net.json',
    source: '{ "Policies": [ { "Type": "VxlanPort", "Settings": { "Port": «"4789"» } } ] }',
    pointer: '/Policies/0/Settings/Port',
    target: value,
  },
  {
    name: 'json: missing key → the key naming the object',
    file: 'net.json',
    source: '{ "Policies": [ { "Type": "VLAN", «"Settings"»: {} } ] }',
    pointer: '/Policies/0/Settings',
    target: parent,
  },
  { name: 'json: array item missing a key → its opening brace', file: 'net.json', source: '[ «{» "Name": "a" } ]', pointer: '/0', target: parent },
  { name: 'json: root missing a key → its opening brace', file: 'net.json', source: '«{»\n  "Name": "a"\n}', pointer: '', target: parent },
  { name: 'json: wrong multi-line object → its key', file: 'net.json', source: '{\n  «"Dns"»: [\n    "10.0.0.1"\n  ]\n}', pointer: '/Dns', target: value },
  { name: 'json: wrong one-line array → the array', file: 'net.json', source: '{ "Dns": «["10.0.0.1"]» }', pointer: '/Dns', target: value },
  { name: 'json: number in an array → the item', file: 'net.json', source: '{ "FrontendVIPs": ["10.0.0.1", «7»] }', pointer: '/FrontendVIPs/1', target: value },
  { name: 'json: BOM and CRLF', file: 'net.json', source: '\ufeff{\r\n  «"Nmae"»: "b"\r\n}', pointer: '', target: key('Nmae') },
];

describe('pointer → range', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { text, start, end } = marked(c.source);
      const doc = parseDocument(c.file, text);
      assert.deepEqual(doc.errors, []);
      const span = problemSpan(doc.root, doc.text, { pointer: c.pointer, target: c.target, keyword: 'test', message: '' });
      assert.deepEqual(span && { text: text.slice(span.start, span.end), start: span.start, end: span.end }, { text: text.slice(start, end), start, end });
    });
  }
});
