/**
 * A project whose values live in `.env` gets the findings of the same project written out. Every compose rule's
 * documented bad example is rewritten so that each value under `services` and `networks` comes from a variable
 * (`isolation: "${V3}"` with `V3='hyper-v'` in `.env`), and checked with that `.env`: the same rules must report,
 * as many times, and each finding on a substituted value says what it judged. Rules that judge how a value is
 * written rather than what it is are listed with the reason.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeEnvironment } from '../../compose/environment';
import { parseDocument } from '../../documents/document';
import type { Node } from '../../documents/tree';
import { checkDocument } from '../../engine/check';
import { COMPOSE_RULES } from '../registry';

/** Rules that read the written form, with why a variable changes what they see. */
const AS_WRITTEN: Record<string, string> = {
  'driver-opts-type': 'judges the YAML type a value is written with (an unquoted `true`); a variable is always a string',
  'compose-variable': 'about the variables themselves',
};

/** The example with every value below `services` and `networks` moved into `.env`. */
function moveValuesToEnv(text: string): { compose: string; env: string } {
  const doc = parseDocument('compose.yaml', text);
  const scalars: { start: number; end: number; value: string }[] = [];
  const seen = new Set<Node>();
  const visit = (node: Node | undefined, inScope: boolean) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (node.kind === 'scalar') {
      if (inScope && node.value !== null && node.style !== 'block' && node.style !== 'empty')
        scalars.push({ start: node.start, end: node.end, value: String(node.value) });
    } else if (node.kind === 'seq') for (const item of node.items) visit(item, inScope);
    else if (node.kind === 'map')
      for (const pair of node.pairs) visit(pair.value, inScope || (node === doc.root && /^(services|networks)$/.test(String(pair.key.value))));
  };
  visit(doc.root, false);
  let compose = text;
  const env: string[] = [];
  scalars.sort((a, b) => b.start - a.start);
  scalars.forEach((s, i) => {
    const name = `WINNET_V${scalars.length - i}`;
    compose = `${compose.slice(0, s.start)}"\${${name}}"${compose.slice(s.end)}`;
    env.push(`${name}='${s.value.replace(/'/g, "\\'")}'`);
  });
  return { compose, env: `${env.reverse().join('\n')}\n` };
}

function check(text: string, env?: string) {
  const options = env === undefined ? {} : { env: composeEnvironment({ files: [{ path: '/p/.env', text: env }] }) };
  return checkDocument(parseDocument('compose.yaml', text), options).findings;
}

describe('values from .env are judged like values written out', () => {
  for (const rule of COMPOSE_RULES) {
    const { id, examples } = rule.meta;
    if (AS_WRITTEN[id] || examples.env !== undefined) continue;
    it(`${id}: its bad example with every value in .env gives the same findings`, () => {
      const { compose, env } = moveValuesToEnv(examples.bad);
      const written = check(examples.bad).filter((f) => f.rule === id);
      const substituted = check(compose, env).filter((f) => f.rule === id);
      assert.equal(substituted.length, written.length, `${id} on\n${compose}\nwith\n${env}`);
      // A finding on a substituted value (not one about a key) says what it judged, and where that came from.
      for (const f of substituted.filter((f) => f.substitutions)) {
        assert.match(f.message, /is `[^`]*` here \(\.env line \d+\)/);
        assert.ok(
          f.related.some((r) => r.path === '/p/.env'),
          'the .env line is related information',
        );
      }
    });
  }
  it('value rules did judge the substituted values (the property is not met by rules reporting keys alone)', () => {
    const judged = COMPOSE_RULES.filter((rule) => {
      if (AS_WRITTEN[rule.meta.id] || rule.meta.examples.env !== undefined) return false;
      const { compose, env } = moveValuesToEnv(rule.meta.examples.bad);
      return check(compose, env).some((f) => f.rule === rule.meta.id && f.substitutions);
    }).map((r) => r.meta.id);
    for (const id of [
      'isolation-value',
      'port-host-ip',
      'linux-driver',
      'static-ip-outside-subnet',
      'windowsshim-invalid-value',
      'duplicate-host-port',
      'driver-name-case',
    ])
      assert.ok(judged.includes(id), `${id} judged a substituted value`);
    assert.ok(judged.length >= 20, `${judged.length} rules judged substituted values: ${judged.join(', ')}`);
  });

  it('the rules that judge the written form say why', () => {
    for (const [id, why] of Object.entries(AS_WRITTEN)) assert.ok(COMPOSE_RULES.some((r) => r.meta.id === id) && why.length > 20, id);
  });
});
