import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DEBOUNCE_MS, settingsFrom } from './settings';

describe('winnet.* settings', () => {
  const cases: { name: string; raw: Record<string, unknown>; expect: Partial<ReturnType<typeof settingsFrom>> }[] = [
    {
      name: 'defaults',
      raw: {},
      expect: { settings: { target: 'auto', windowsVersion: undefined, rules: {} }, debounceMs: DEFAULT_DEBOUNCE_MS, composeFileSets: [] },
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
      raw: { target: 'macos', windowsVersion: '2019', rules: { 'dns-opt': 'loud', x: 3 }, debounceMs: -5, composeFileSets: ['a.yml', [], [1]] },
      expect: { settings: { target: 'auto', windowsVersion: undefined, rules: {} }, debounceMs: DEFAULT_DEBOUNCE_MS, composeFileSets: [] },
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
