import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validateConfig } from '../../server/src/cli/config';
import { REPO } from './helpers';

// The CLI checks its config by hand (no schema compiled at run time); the published schema is for editors.
// This table keeps the two saying the same thing.
const cases: { name: string; config: unknown }[] = [
  { name: 'empty', config: {} },
  {
    name: 'full',
    config: {
      $schema: './schemas/winnetrc.schema.json',
      target: 'windows',
      windowsVersion: 'ltsc2019',
      rules: { 'dns-opt': 'off', 'port-host-ip': 'warning' },
      maxWarnings: 3,
      ignore: ['vendor/**'],
    },
  },
  { name: 'bad target', config: { target: 'mac' } },
  { name: 'bad version', config: { windowsVersion: '2019' } },
  { name: 'bad severity', config: { rules: { 'dns-opt': 'fatal' } } },
  { name: 'negative maxWarnings', config: { maxWarnings: -1 } },
  { name: 'fractional maxWarnings', config: { maxWarnings: 1.5 } },
  { name: 'ignore not strings', config: { ignore: [1] } },
  { name: 'unknown key', config: { colour: 'red' } },
  { name: 'not an object', config: [] },
];

describe('.winnetrc.json schema and the CLI agree', () => {
  const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'winnetrc.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: true }).compile(schema);
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(validateConfig(c.config).length === 0, validate(c.config), JSON.stringify(validate.errors));
    });
  }
});
