/**
 * Inlay hints: ` = value` after every `${...}` in `services` and `networks` whose value winnet knows, and nowhere
 * else; values cut short, secrets not painted on screen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeEnvironment } from '../compose/environment';
import { resolveDocument } from '../compose/resolve';
import { parseDocument } from '../documents/document';
import { createLanguageService } from './language-service';
import { variableInlayHints } from './variable-hints';

const env = composeEnvironment({
  files: [{ path: '/p/.env', text: `ISOLATION=process\nSA_PASSWORD=hunter2\nLONG=${'a'.repeat(60)}\nEMPTY=\nBYPASS_PROXY=yes\n` }],
});

/** Each hint as `<what is before it>|<label>`. */
function hints(text: string, range?: { start: number; end: number }): string[] {
  const doc = parseDocument('/p/compose.yaml', text);
  return variableInlayHints(doc, resolveDocument(doc, env), range ?? { start: 0, end: text.length }).map(
    (h) => `${text.slice(text.lastIndexOf(' ', h.offset - 1) + 1, h.offset)}|${h.label}`,
  );
}

describe('inlay hints after variables', () => {
  const cases: { name: string; text: string; hints: string[] }[] = [
    { name: 'a variable from .env', text: 'services:\n  web:\n    isolation: ${ISOLATION}\n', hints: ['${ISOLATION}|= process'] },
    { name: 'a default', text: 'networks:\n  lan:\n    driver: ${DRIVER:-transparent}\n', hints: ['${DRIVER:-transparent}|= transparent'] },
    {
      name: 'each expression of a value',
      text: 'services:\n  web:\n    ports: ["${IP:-0.0.0.0}:${PORT:-80}:80"]\n',
      hints: ['["${IP:-0.0.0.0}|= 0.0.0.0', '["${IP:-0.0.0.0}:${PORT:-80}|= 80'],
    },
    { name: 'an empty value', text: 'services:\n  web:\n    hostname: ${EMPTY}\n', hints: ['${EMPTY}|= ""'] },
    {
      name: 'nested: the outer expression only',
      text: 'services:\n  web:\n    isolation: ${NOPE:-${ISOLATION}}\n',
      hints: ['${NOPE:-${ISOLATION}}|= process'],
    },
    { name: 'a long value is cut', text: 'services:\n  web:\n    hostname: ${LONG}\n', hints: [`\${LONG}|= ${'a'.repeat(39)}…`] },
    { name: 'a secret is not shown', text: 'services:\n  db:\n    environment:\n      SA_PASSWORD: ${SA_PASSWORD}\n', hints: ['${SA_PASSWORD}|= ••••••'] },
    { name: 'a name that only contains "pass" is no secret', text: 'services:\n  web:\n    hostname: ${BYPASS_PROXY}\n', hints: ['${BYPASS_PROXY}|= yes'] },
    { name: 'unset without a default: unknown, no hint', text: 'services:\n  web:\n    isolation: ${NOPE}\n', hints: [] },
    { name: 'required and unset: no hint', text: 'services:\n  web:\n    isolation: ${NOPE:?set it}\n', hints: [] },
    { name: 'outside services and networks: no hint', text: 'x-common:\n  isolation: ${ISOLATION}\nname: ${ISOLATION}\n', hints: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(hints(c.text), c.hints));

  it('only those that end in the range asked for', () => {
    const text = 'services:\n  a:\n    isolation: ${ISOLATION}\n  b:\n    isolation: ${NOPE:-hyperv}\n';
    assert.deepEqual(hints(text, { start: text.indexOf('  b:'), end: text.length }), ['${NOPE:-hyperv}|= hyperv']);
  });

  it('the tooltip is the hover', () => {
    const text = 'services:\n  web:\n    isolation: ${ISOLATION}\n';
    const doc = parseDocument('/p/compose.yaml', text);
    const [hint] = variableInlayHints(doc, resolveDocument(doc, env), { start: 0, end: text.length });
    assert.match(hint.tooltip, /`ISOLATION` is set in \.env line 1/);
  });

  it('the language service gives them in Windows compose files only', () => {
    const service = createLanguageService();
    const win = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    isolation: ${ISOLATION}\n';
    const linux = 'services:\n  web:\n    image: nginx\n    hostname: ${ISOLATION}\n';
    const all = (text: string) => ({ start: 0, end: text.length });
    assert.deepEqual(
      service.inlayHints({ uri: 'file:///p/compose.yaml', version: 1, text: win }, all(win), env).map((h) => h.label),
      ['= process'],
    );
    assert.deepEqual(service.inlayHints({ uri: 'file:///q/compose.yaml', version: 1, text: linux }, all(linux), env), []);
  });
});
