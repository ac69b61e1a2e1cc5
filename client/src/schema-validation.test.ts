import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideSchemaValidation, type SchemaValidation, type YamlEditors } from './schema-validation';

describe('winnet.schemaValidation: auto', () => {
  // Every combination of Red Hat YAML (absent, before 1.24, 1.24+, version unknown) and Docker DX (absent, compose
  // server on, off, the setting unread): winnet validates exactly when Red Hat YAML does not.
  const redHats: [string, YamlEditors['redHatYaml']][] = [
    ['no Red Hat YAML', undefined],
    ['Red Hat YAML 1.23.0', { version: '1.23.0' }],
    ['Red Hat YAML 1.24.0', { version: '1.24.0' }],
    ['Red Hat YAML 1.25.0', { version: '1.25.0' }],
    ['Red Hat YAML 2.0.0', { version: '2.0.0' }],
    ['Red Hat YAML of unknown version', {}],
  ];
  const dockers: [string, YamlEditors['dockerDx']][] = [
    ['no Docker DX', undefined],
    ['Docker DX with its compose server on', { composeLanguageServer: true }],
    ['Docker DX with its compose server off', { composeLanguageServer: false }],
    ['Docker DX with the setting unread', {}],
  ];
  /** Whether Red Hat YAML validates compose files, by the rows above. */
  const redHatValidates = (redHat: string, docker: string): boolean => {
    if (redHat === 'no Red Hat YAML') return false;
    if (redHat === 'Red Hat YAML 1.23.0') return true;
    return docker === 'no Docker DX' || docker === 'Docker DX with its compose server off';
  };
  for (const [redHat, redHatYaml] of redHats)
    for (const [docker, dockerDx] of dockers) {
      const expected: SchemaValidation = redHatValidates(redHat, docker) ? 'off' : 'on';
      it(`${redHat}, ${docker}: ${expected}`, () => {
        for (const setting of ['auto', undefined, 'sometimes', 42])
          assert.equal(decideSchemaValidation(setting, { redHatYaml, dockerDx }).value, expected, String(setting));
      });
    }

  it('an explicit on or off wins over everything', () => {
    for (const [, redHatYaml] of redHats)
      for (const [, dockerDx] of dockers)
        for (const setting of ['on', 'off'] as const) assert.equal(decideSchemaValidation(setting, { redHatYaml, dockerDx }).value, setting);
  });

  const settings: { name: string; redHatYaml: NonNullable<YamlEditors['redHatYaml']>; expect: SchemaValidation }[] = [
    { name: '`yaml.validate: false`: Red Hat YAML validates nothing', redHatYaml: { version: '1.25.0', validate: false }, expect: 'on' },
    { name: '`yaml.schemaStore.enable: false`: it has no compose schema', redHatYaml: { version: '1.23.0', schemaStore: false }, expect: 'on' },
    {
      name: '`yaml.disableSchemaDetection` naming compose files (as 1.24 wrote it)',
      redHatYaml: { version: '1.24.0', disableSchemaDetection: ['**/docker-compose.yml', '**/compose.yaml'] },
      expect: 'on',
    },
    { name: '`yaml.disableSchemaDetection` naming other files only', redHatYaml: { version: '1.25.0', disableSchemaDetection: ['**/ci.yml'] }, expect: 'off' },
    { name: 'a version that is no version string counts as unknown', redHatYaml: { version: 125 }, expect: 'off' },
    { name: 'a pre-release of 1.24 counts as 1.24', redHatYaml: { version: '1.24.0-next.3' }, expect: 'off' },
    { name: 'settings at their defaults', redHatYaml: { version: '1.25.0', validate: true, schemaStore: true, disableSchemaDetection: [] }, expect: 'off' },
  ];
  for (const c of settings) {
    it(`Red Hat YAML settings, without Docker DX: ${c.name}`, () => {
      assert.equal(decideSchemaValidation('auto', { redHatYaml: c.redHatYaml }).value, c.expect);
    });
  }

  it('says why', () => {
    assert.equal(decideSchemaValidation('off', {}).reason, 'winnet.schemaValidation is off');
    assert.match(decideSchemaValidation('auto', {}).reason, /^auto: on, since Red Hat YAML is not installed$/);
    assert.match(
      decideSchemaValidation('auto', { redHatYaml: { version: '1.25.0' }, dockerDx: { composeLanguageServer: true } }).reason,
      /^auto: on, since Red Hat YAML leaves compose files to Docker DX/,
    );
    assert.match(decideSchemaValidation('auto', { redHatYaml: { version: '1.25.0' } }).reason, /^auto: off, since Red Hat YAML validates compose files/);
  });
});
