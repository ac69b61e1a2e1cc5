/**
 * The variables a project's compose files use: every name they substitute, from the files compose reads by default
 * in the env file's folder, their partners and what they include, and the open documents; nothing known, nothing
 * is unused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../compose/loader';
import { variableNames, variablesUsedBy } from './used-variables';

describe('variable names in a text', () => {
  const cases: [text: string, names: string[]][] = [
    ['image: ${REGISTRY}/web:${TAG:-latest}', ['REGISTRY', 'TAG']],
    ['isolation: $ISOLATION', ['ISOLATION']],
    ['driver: ${A:-${B:+${C}}}', ['A', 'B', 'C']],
    ['command: echo $$HOME $${NOT} $$$REAL', ['REAL']],
    ['price: $5 and ${} and ${ x} and $', []],
    ['no variables', []],
  ];
  for (const [text, names] of cases) it(text, () => assert.deepEqual([...variableNames(text)].sort(), names));
});

describe('the variables the compose files of a project use', () => {
  const disk: Record<string, string> = {
    '/p/compose.yaml': 'include:\n  - parts/db.yml\nservices:\n  web:\n    image: web:${TAG}\n',
    '/p/compose.override.yaml': 'services:\n  web:\n    isolation: ${ISOLATION}\n',
    '/p/compose.windows.yaml': 'services:\n  web:\n    hostname: ${HOST}\n',
    '/p/parts/db.yml': 'services:\n  db:\n    image: ${DB_IMAGE}\n',
    '/p/notes.yaml': 'x: ${NOT_COMPOSE}\n',
  };
  const reader: FileReader = {
    read: (path) => disk[path],
    siblings: (path) =>
      Object.keys(disk)
        .filter((p) => p.startsWith('/p/') && !p.slice(3).includes('/') && p !== path)
        .map((p) => p.slice(3)),
  };

  it('the default files, their overrides, partners and includes, and the open documents', () => {
    const used = variablesUsedBy(['/p'], reader, ['services:\n  api:\n    image: ${OPEN_ONLY}\n']);
    assert.deepEqual([...(used ?? [])].sort(), ['DB_IMAGE', 'HOST', 'ISOLATION', 'OPEN_ONLY', 'TAG']);
  });

  it('nothing known: undefined, so no variable is called unused', () => {
    assert.equal(variablesUsedBy(['/elsewhere'], reader, []), undefined);
  });

  it('a compose file that uses no variable is known: every variable is then unused', () => {
    assert.deepEqual(variablesUsedBy([], reader, ['services: {}\n']), new Set());
  });
});
