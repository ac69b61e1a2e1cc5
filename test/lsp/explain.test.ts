/**
 * The `winnet/explain` request over stdio: `{text}` → `{markdown, matches}`, what the VS Code command
 * "winnet: Explain a Docker or HNS error" shows. A rule id gives the rule's page; text nothing matches, the plain
 * "no known cause"; a malformed request, an empty answer and a server that keeps working.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../support/lsp-client';

interface Answer {
  markdown: string;
  matches: { kind: string; id: string; score: number; excerpt: string; rules: { id: string; docsUrl?: string }[] }[];
  rule?: string;
}

describe('winnet/explain over stdio', () => {
  const client = new LspClient();
  before(() => client.initialize());
  after(() => client.shutdown());

  const explain = (text: unknown) => client.request<Answer>('winnet/explain', { text });

  it('explains a pasted daemon error: the rule that catches it, with its docs link', async () => {
    const answer = await explain('ERROR: for web  Cannot start service web: Windows does not support host IP addresses in NAT settings');
    assert.equal(answer.matches[0].id, 'port-host-ip');
    assert.equal(answer.matches[0].kind, 'rule');
    assert.match(answer.matches[0].rules[0].docsUrl ?? '', /docs\/rules\/port-host-ip\.md$/);
    assert.match(answer.markdown, /^# What this error means\n/);
    assert.match(answer.markdown, /\*\*winnet catches it before `docker compose up`:\*\* \[`port-host-ip`\]/);
  });

  it('gives the causes of an HNS error best first, causes without a rule too', async () => {
    const answer = await explain('hcnCreateNetwork failed in Win32: The object already exists. (0x1392)');
    const ids = answer.matches.map((m) => m.id);
    assert.ok(ids.includes('hns-network-exists'), JSON.stringify(ids));
    const scores = answer.matches.map((m) => m.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  it('says plainly when nothing matches', async () => {
    const answer = await explain('hello world');
    assert.deepEqual(answer.matches, []);
    assert.match(answer.markdown, /winnet knows no error like this one/);
  });

  it("gives a rule's page for a rule id", async () => {
    const answer = await explain('  port-host-ip\n');
    assert.equal(answer.rule, 'port-host-ip');
    assert.match(answer.markdown, /^# port-host-ip\n\n\*\*Published port bound to a host IP on Windows\*\*/);
  });

  it('answers a malformed request with no explanation, and keeps serving', async () => {
    assert.deepEqual((await explain(42)).matches, []);
    assert.deepEqual((await client.request<Answer>('winnet/explain', null)).matches, []);
    assert.equal((await explain('network bridge not found')).matches[0].id, 'network-mode-bridge');
  });
});
