import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_DEBOUNCE_MS, settingsFrom } from './settings';

const NO_VARIABLE_SETTINGS = { envFiles: [], readProcessEnvironment: false, inlayHints: true };

describe('winnet.* settings', () => {
  const cases: { name: string; raw: Record<string, unknown>; expect: Partial<ReturnType<typeof settingsFrom>> }[] = [
    {
      name: 'defaults',
      raw: {},
      expect: {
        settings: { target: 'auto', windowsVersion: undefined, rules: {} },
        debounceMs: DEFAULT_DEBOUNCE_MS,
        composeFileSets: [],
        variables: NO_VARIABLE_SETTINGS,
      },
    },
    {
      name: 'all set',
      raw: { target: 'windows', windowsVersion: 'ltsc2019', rules: { 'dns-opt': 'off' }, debounceMs: 50, composeFileSets: [['a.yml', 'b.yml']] },
      expect: {
        settings: { target: 'windows', windowsVersion: 'ltsc2019', rules: { 'dns-opt': 'off' } },
        debounceMs: 50,
        composeFileSets: [['a.yml', 'b.yml']],
      },
    },
    {
      name: 'values a user mistyped are ignored',
      raw: {
        target: 'macos',
        windowsVersion: '2019',
        rules: { 'dns-opt': 'loud', x: 3 },
        debounceMs: -5,
        composeFileSets: ['a.yml', [], [1]],
        envFiles: 'a.env',
        readProcessEnvironment: 'yes',
        inlayHints: { variables: 'no' },
      },
      expect: {
        settings: { target: 'auto', windowsVersion: undefined, rules: {} },
        debounceMs: DEFAULT_DEBOUNCE_MS,
        composeFileSets: [],
        variables: NO_VARIABLE_SETTINGS,
      },
    },
    {
      name: 'where variables come from, and their inlay hints (as VS Code nests them)',
      raw: { envFiles: ['deploy/windows.env', ' ', 3, ' b.env '], readProcessEnvironment: true, inlayHints: { variables: false } },
      expect: { variables: { envFiles: ['deploy/windows.env', 'b.env'], readProcessEnvironment: true, inlayHints: false } },
    },
    {
      name: 'inlay hints off with the dotted key (other editors)',
      raw: { 'inlayHints.variables': false },
      expect: { variables: { ...NO_VARIABLE_SETTINGS, inlayHints: false } },
    },
    {
      name: 'schemaValidation off turns the compose-schema rule off',
      raw: { schemaValidation: 'off' },
      expect: { settings: { target: 'auto', windowsVersion: undefined, rules: { 'compose-schema': 'off' } } },
    },
    {
      name: 'an explicit compose-schema severity wins over schemaValidation',
      raw: { schemaValidation: 'off', rules: { 'compose-schema': 'warning' } },
      expect: { settings: { target: 'auto', windowsVersion: undefined, rules: { 'compose-schema': 'warning' } } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const actual = settingsFrom(c.raw);
      for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(actual[key as keyof typeof actual], value);
    });
  }
});

describe('the settings package.json declares', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown; type: string; scope?: string }> } };
  };
  const properties = manifest.contributes.configuration.properties;

  it('declares the defaults settingsFrom gives when nothing is set', () => {
    const { variables } = settingsFrom({});
    assert.deepEqual(properties['winnet.envFiles'].default, variables.envFiles);
    assert.equal(properties['winnet.readProcessEnvironment'].default, variables.readProcessEnvironment);
    assert.equal(properties['winnet.inlayHints.variables'].default, variables.inlayHints);
    assert.equal(properties['winnet.debounceMs'].default, DEFAULT_DEBOUNCE_MS);
  });

  it('reads where the variables come from per folder (resource scope)', () => {
    assert.equal(properties['winnet.envFiles'].scope, 'resource');
    assert.equal(properties['winnet.readProcessEnvironment'].scope, 'resource');
  });
});
