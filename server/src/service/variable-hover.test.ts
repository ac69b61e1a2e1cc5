/**
 * The hover on a `${VAR}` says what compose substitutes for the expression under the cursor and why: where the
 * variable is set, or what its operator does when it is not, and which env files winnet read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeEnvironment, type Environment } from '../compose/environment';
import { resolveDocument } from '../compose/resolve';
import { parseDocument } from '../documents/document';
import { createLanguageService } from './language-service';
import { code, variableHover } from './variable-hover';

const ENV_TEXT = '# the project\nISOLATION=process\nEMPTY=\nTAG=ltsc2022\n';
const dotenv = (process?: Record<string, string>) => composeEnvironment({ files: [{ path: '/p/.env', text: ENV_TEXT }], process });

/** The hover's markdown at the first `marker` (on its third character) of a compose file with `value` under a service. */
function hoverOn(value: string, marker: string, env: Environment = dotenv()): { markdown: string; covers: string } | undefined {
  const text = `services:\n  web:\n    image: x\n    isolation: ${value}\n`;
  const doc = parseDocument('/p/compose.yaml', text);
  const hover = variableHover(doc, resolveDocument(doc, env), text.indexOf(marker) + 2);
  return hover && { markdown: hover.markdown, covers: text.slice(hover.span.start, hover.span.end) };
}

describe('hover on a variable', () => {
  const cases: { name: string; value: string; marker?: string; env?: Environment; says: RegExp[]; covers?: string }[] = [
    {
      name: 'set in .env: the value, the line and the line as written',
      value: '${ISOLATION}',
      says: [/^\*\*`\$\{ISOLATION\}`\*\* is `process`\n/, /`ISOLATION` is set in \.env line 2 \(`ISOLATION=process`\)\./, /winnet read `\.env`\.$/],
    },
    {
      name: 'from the environment, which wins over .env',
      value: '${ISOLATION}',
      env: dotenv({ ISOLATION: 'hyperv' }),
      says: [/is `hyperv`/, /`ISOLATION` is set in the environment\./, /winnet read `\.env` and the environment\./],
    },
    {
      name: 'not set, no default: compose substitutes an empty string, and the shell may still set it',
      value: '${NOPE}',
      says: [
        /^\*\*`\$\{NOPE\}`\*\* is not set\n/,
        /not set: compose substitutes an empty string \(and warns "The "NOPE" variable is not set\. Defaulting to a blank string\."\)/,
        /The shell's environment is not read here \(`winnet\.readProcessEnvironment`\)/,
      ],
    },
    {
      name: 'not set, with a default: the default applies',
      value: '${NOPE:-hyperv}',
      says: [/is `hyperv`/, /`NOPE` is not set: the default `hyperv` applies\./],
    },
    {
      name: 'empty, with `:-`: the default applies',
      value: '${EMPTY:-hyperv}',
      says: [/is `hyperv`/, /`EMPTY` is empty in \.env line 3 \(`EMPTY=`\): the default `hyperv` applies\./],
    },
    { name: 'empty, with `-`: the empty value applies', value: '${EMPTY-hyperv}', says: [/is an empty string/, /`EMPTY` is empty in \.env line 3/] },
    {
      name: 'set, with `:+`: the alternate applies',
      value: '${TAG:+process}',
      says: [/is `process`/, /`TAG` is set in \.env line 4 \(`TAG=ltsc2022`\): the alternate `process` applies\./],
    },
    { name: 'not set, with `:+`: empty', value: '${NOPE:+process}', says: [/is an empty string/, /the alternate applies only when `NOPE` is set/] },
    {
      name: 'required and not set: compose stops, with its message',
      value: '${NOPE:?set it in .env}',
      says: [/^\*\*`\$\{NOPE:\?set it in \.env\}`\*\*: compose stops here/, /compose stops with "required variable NOPE is missing a value: set it in \.env"/],
    },
    {
      name: 'the innermost expression under the cursor: a default variable',
      value: '${NOPE:-${TAG}}',
      marker: '${TAG}',
      covers: '${TAG}',
      says: [/^\*\*`\$\{TAG\}`\*\* is `ltsc2022`/],
    },
    {
      name: 'the outer expression, when the cursor is on its name',
      value: '${NOPE:-${TAG}}',
      marker: '${NOPE',
      covers: '${NOPE:-${TAG}}',
      says: [/is `ltsc2022`/, /`NOPE` is not set: the default `ltsc2022` applies/],
    },
    {
      name: 'one of several: the whole value too',
      value: '"${TAG}-${ISOLATION}"',
      marker: '${ISOLATION}',
      covers: '${ISOLATION}',
      says: [/is `process`/, /The whole value compose substitutes: `ltsc2022-process`/],
    },
    {
      name: 'nothing read: says so',
      value: '${ISOLATION}',
      env: composeEnvironment({}),
      says: [/is not set/, /winnet read no `\.env` for this project\. The shell's environment is not read here/],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const hover = hoverOn(c.value, c.marker ?? c.value.replace(/^"/, ''), c.env);
      assert.ok(hover, 'a hover');
      for (const pattern of c.says) assert.match(hover.markdown, pattern);
      if (c.covers) assert.equal(hover.covers, c.covers);
    });
  }

  it('no hover off an expression: a literal, `$$`, a key', () => {
    assert.equal(hoverOn('process', 'process'), undefined);
    assert.equal(hoverOn('$${ISOLATION}', '$${ISOLATION}'), undefined);
  });

  it('a quoted scalar with an escape before the expression still finds it', () => {
    const hover = hoverOn('"\\t${TAG}"', '${TAG}');
    assert.equal(hover?.covers, '${TAG}');
  });

  it('a long value is cut, and backticks in it do not end the code span', () => {
    const env = composeEnvironment({ files: [{ path: '/p/.env', text: `LONG=${'x'.repeat(500)}\nTICKS="a\`b"\n` }] });
    assert.match(hoverOn('${LONG}', '${LONG}', env)?.markdown ?? '', /is `x{199}…`/);
    assert.match(hoverOn('${TICKS}', '${TICKS}', env)?.markdown ?? '', /is ``a`b``/);
  });
});

describe('inline code for any value', () => {
  const cases: [string, string][] = [
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`edge`', '`` `edge` ``'],
    ['two\nlines', '`two⏎lines`'],
  ];
  for (const [value, expected] of cases) it(JSON.stringify(value), () => assert.equal(code(value), expected));
});

describe('the language service: the variable first, then the hover of the value compose substitutes', () => {
  const text =
    'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: ${ISOLATION}\nnetworks:\n  app:\n    driver: ${DRIVER}\n';
  const input = { uri: 'file:///p/compose.yaml', version: 1, text };

  it('isolation from .env: the variable, then the isolation facts judged on the substituted value', () => {
    const env = composeEnvironment({ files: [{ path: '/p/.env', text: 'ISOLATION=hyper-v\nDRIVER=transparent\n' }] });
    const service = createLanguageService();
    service.diagnose(input, { env });
    const hover = service.hover(input, text.indexOf('${ISOLATION}') + 3, undefined, env);
    const [variable, value] = (hover?.markdown ?? '').split('\n\n---\n\n');
    assert.match(variable, /^\*\*`\$\{ISOLATION\}`\*\* is `hyper-v`/);
    assert.match(value, /`hyper-v` is not one of them: the daemon refuses it/);
    assert.equal(text.slice(hover!.span.start, hover!.span.end), '${ISOLATION}');
    assert.match(service.hover(input, text.indexOf('${DRIVER}') + 3, undefined, env)?.markdown ?? '', /\*\*`transparent`\*\*: Windows network driver/);
  });

  it('without an environment, as before: the note that winnet does not judge the value', () => {
    const hover = createLanguageService().hover(input, text.indexOf('${ISOLATION}') + 3);
    assert.match(hover?.markdown ?? '', /winnet does not read that environment/);
  });

  it('with an environment, that note gives way to the variable hover', () => {
    const hover = createLanguageService().hover(input, text.indexOf('${ISOLATION}') + 3, undefined, composeEnvironment({}));
    assert.doesNotMatch(hover?.markdown ?? '', /winnet does not read that environment/);
    assert.match(hover?.markdown ?? '', /^\*\*`\$\{ISOLATION\}`\*\* is not set/);
  });
});
