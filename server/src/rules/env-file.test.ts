/**
 * `env-file`: an env file read as compose reads it. What compose stops on is an error at the line; lines it reads
 * differently from how they look are warnings; a variable the project's compose files never use is a hint, and
 * only when those files are known.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeEnvironment, type Environment } from '../compose/environment';
import { parseDocument } from '../documents/document';
import { checkDocument } from '../engine/check';

interface Case {
  name: string;
  text: string;
  used?: string[];
  env?: Environment;
  /** `severity line:col text-under-the-range` for each finding, in order. */
  expect: string[];
  /** Words the first finding's message must contain. */
  says?: string[];
}

const PROCESS_WITHOUT_X = composeEnvironment({ process: { PATH: '/usr/bin' } });

const CASES: Case[] = [
  { name: 'a clean file: nothing', text: 'ISOLATION=hyperv\nexport TAG="ltsc2022"\n# a comment\n\n', used: ['ISOLATION', 'TAG'], expect: [] },
  {
    name: 'a space in a name: compose stops, an error on the line',
    text: 'OK=1\nSITECORE VERSION=10.3\n',
    expect: ['error 1:0 SITECORE VERSION=10.3'],
    says: ['key cannot contain a space', 'compose stops here', 'failed to read .env'],
  },
  {
    name: 'a variable set twice: the later line wins, a warning at the first',
    text: 'ISOLATION=process\nISOLATION=hyperv\n',
    expect: ['warning 0:0 ISOLATION=process'],
    says: ['defined twice', 'line 2 wins'],
  },
  {
    name: 'a variable no compose file uses: a hint on its name',
    text: 'ISOLATION=hyperv\nOLD_PORT=8080\n',
    used: ['ISOLATION'],
    expect: ['hint 1:0 OLD_PORT'],
    says: ['not used by the compose files that read .env'],
  },
  {
    name: 'near misses for unused: COMPOSE_* and DOCKER_* are read by compose itself; a variable another line interpolates is used',
    text: 'COMPOSE_PROJECT_NAME=shop\nDOCKER_HOST=npipe:////./pipe/docker_engine\nREGISTRY=scr.sitecore.com\nIMAGE=${REGISTRY}/cm\n',
    used: ['IMAGE'],
    expect: [],
  },
  { name: 'near miss: with the compose files unknown (the file read alone), nothing is said about use', text: 'ANYTHING=1\n', expect: [] },
  {
    name: 'a required variable that is unset, without the shell read: information (the shell that runs compose may set it)',
    text: 'URL=${HOST:?set HOST}\n',
    used: ['URL'],
    expect: ['information 0:4 ${HOST:?set HOST}'],
  },
  {
    name: 'the same with the shell read and HOST unset there: compose stops, an error',
    text: 'URL=${HOST:?set HOST}\n',
    used: ['URL'],
    env: PROCESS_WITHOUT_X,
    expect: ['error 0:4 ${HOST:?set HOST}'],
    says: ['compose stops here'],
  },
];

function run(c: Case) {
  const doc = parseDocument('/p/.env', c.text);
  return checkDocument(doc, { env: c.env, usedVariables: c.used ? new Set(c.used) : undefined }).findings.filter((f) => f.rule === 'env-file');
}

describe('env-file', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const findings = run(c);
      const lines = c.text.split('\n');
      const shown = findings.map((f) => {
        const { start, end } = f.range;
        const under = start.line === end.line ? lines[start.line].slice(start.character, end.character) : `${lines[start.line].slice(start.character)}…`;
        return `${f.severity} ${start.line}:${start.character} ${under}`;
      });
      assert.deepEqual(shown, c.expect);
      for (const word of c.says ?? []) assert.ok(findings[0].message.includes(word), `"${word}" in: ${findings[0].message}`);
    });
  }

  it('never throws, whatever the bytes', () => {
    for (const text of ['\u0000\uffff=\n', '"unclosed\n', "A='\n", 'export\n', '=\n', 'A=${', 'X'.repeat(100_000), '\r\r\n\u2028']) {
      assert.doesNotThrow(() => run({ name: '', text, used: [], expect: [] }));
    }
  });
});
