/**
 * `winnet explain` over winnet's own knowledge. The error texts are data, so they are tested as data: every text
 * of every rule's `errors` and `symptoms` and of every cause finds its own rule or cause first (sharing first place only with
 * entries that quote the same text), every text can be matched at all, and the causes point at real rules. Then
 * real messages with their variable parts, pastes that must match nothing, and the markdown answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CAUSES } from '../knowledge/error-causes';
import { ALL_RULE_META, ruleMeta } from '../rules/registry';
import { explainError, explainMarkdown, MAX_EXPLAIN_CHARS, NO_MATCH_MARKDOWN, TIE } from './explain';
import { normalizedKey, tokenize } from './explain-match';

interface Entry {
  id: string;
  texts: readonly string[];
}
const entries: Entry[] = [
  ...ALL_RULE_META.filter((m) => m.errors?.length || m.symptoms?.length).map((m) => ({ id: m.id, texts: [...(m.errors ?? []), ...(m.symptoms ?? [])] })),
  ...ERROR_CAUSES.map((c) => ({ id: c.id, texts: c.texts })),
];
const keysOf = new Map(entries.map((e) => [e.id, new Set(e.texts.map(normalizedKey))]));

/** Whether `text` holds every word and value of `known`, in order (its slots aside, and its codes when `text` has none). */
function containsText(text: string, known: string): boolean {
  const tokens = tokenize(text, true);
  const have = tokens.map((t) => t.text);
  const codes = tokens.some((t) => t.kind === 'code');
  let at = 0;
  for (const t of tokenize(known, true)) {
    if (t.kind === 'slot' || (t.kind === 'code' && !codes)) continue;
    at = have.indexOf(t.text, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The ids that share first place: within TIE of the best score. */
function top(text: string): string[] {
  const { matches } = explainError(text);
  return matches.filter((m) => m.score >= matches[0].score - TIE).map((m) => m.id);
}

describe('explain: the knowledge texts', () => {
  for (const entry of entries) {
    for (const text of entry.texts) {
      it(`${entry.id}: "${text}" finds ${entry.id} first`, () => {
        const { matches } = explainError(text);
        const own = matches.findIndex((m) => m.id === entry.id);
        const shown = JSON.stringify(matches.map((m) => [m.id, m.score]));
        assert.ok(own >= 0, `not found: ${shown}`);
        // Ahead of it, or level with it, only entries that quote the same text (after normalisation) or a text this
        // one wholly contains (`The object already exists. (0x1392)` in `hcnCreateNetwork failed ...: The object ...`).
        const key = normalizedKey(text);
        const ahead = matches.filter((m, i) => m.id !== entry.id && (i < own || m.score >= matches[own].score - TIE));
        const unrelated = ahead.filter((m) => !keysOf.get(m.id)?.has(key) && !containsText(text, m.matched));
        assert.deepEqual(
          unrelated.map((m) => m.id),
          [],
          `ahead of ${entry.id}: ${shown}`,
        );
        assert.ok(matches[own].score >= 0.9, `${entry.id} scores only ${matches[own].score} on its own text`);
      });
    }
  }

  it('every text has two words to match by, or an HRESULT', () => {
    const weak = entries.flatMap((e) =>
      e.texts.filter((t) => {
        const tokens = tokenize(t, true);
        return new Set(tokens.filter((x) => x.kind === 'word').map((x) => x.text)).size < 2 && !tokens.some((x) => x.kind === 'code');
      }),
    );
    assert.deepEqual(weak, []);
  });

  it('no entry quotes the same text twice', () => {
    for (const e of entries) assert.equal(new Set(e.texts.map(normalizedKey)).size, e.texts.length, e.id);
  });

  it('causes have unique ids, distinct from rule ids, and name rules that exist', () => {
    const ids = ERROR_CAUSES.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of ERROR_CAUSES) {
      assert.match(c.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      assert.equal(ruleMeta(c.id), undefined, `${c.id} is also a rule id`);
      for (const rule of c.rules ?? []) assert.ok(ruleMeta(rule), `${c.id} names ${rule}, which is no rule`);
      assert.ok(c.texts.length && c.sources.length && c.cause && c.remedy, c.id);
    }
  });
});

describe('explain: real messages', () => {
  const cases: { name: string; text: string; first: string[] }[] = [
    {
      name: 'a host IP in a compose log',
      text: ' ✘ Container app-web-1  Error\nError response from daemon: Windows does not support host IP addresses in NAT settings\n',
      first: ['port-host-ip'],
    },
    {
      name: 'a port range',
      text: 'Error response from daemon: failed to create endpoint app-web-1 on network nat: Windows does not support more than one host port in NAT settings',
      first: ['port-range'],
    },
    { name: 'network_mode: bridge', text: 'Error response from daemon: network bridge not found', first: ['network-mode-bridge'] },
    {
      name: 'a network gone after a reboot, with its full id',
      text: 'Error response from daemon: network 9d3c0b6a1f2e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c not found',
      first: ['nat-network-per-project'],
    },
    {
      name: 'an undefined network in compose',
      text: 'service "web" refers to undefined network backend: invalid compose project',
      first: ['undefined-network'],
    },
    {
      name: 'a wrong isolation value',
      text: "Error response from daemon: invalid isolation (hyper-v): Windows supports 'default', 'process', or 'hyperv'",
      first: ['isolation-value'],
    },
    {
      name: 'an IPv6 static address',
      text: 'Error response from daemon: no configured subnet contains IP address fd12:3456::10',
      first: ['ipv6-address'],
    },
    {
      name: 'an IPv4 static address',
      text: 'failed to set up container networking: no configured subnet contains IP address 172.28.5.4',
      first: ['static-ip-without-subnet', 'static-ip-outside-subnet'],
    },
    {
      name: 'a boolean driver option, as compose-go prints it',
      text: 'validating C:\\app\\compose.yaml: networks.k8s.driver_opts.com.docker.network.windowsshim.enable_outboundnat must be a number or string',
      first: ['driver-opts-type'],
    },
    {
      name: 'an HNS error with an HRESULT, across two lines',
      text: 'hcnCreateNetwork failed in Win32:\r\nThe object already exists. (0x80071392)',
      first: ['hns-network-exists'],
    },
    {
      name: 'an adapter name from another machine',
      text: 'Error response from daemon: hnsCall failed in Win32: An adapter was not found. (0x803B0006)',
      first: ['adapter-not-found'],
    },
    {
      name: 'a YAML error from compose',
      text: 'yaml: line 14: mapping values are not allowed in this context',
      first: ['syntax'],
    },
    {
      name: 'an extends that names no service',
      text: 'cannot extend service "web" in C:\\src\\app\\docker-compose.yml: service "base" not found',
      first: ['compose-reference'],
    },
    {
      name: 'host.docker.internal from ping',
      text: 'Ping request could not find host host.docker.internal. Please check the name and try again.',
      first: ['host-docker-internal'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const first = top(c.text);
      for (const id of c.first) assert.ok(first.includes(id), `${id} first; got ${JSON.stringify(explainError(c.text).matches.map((m) => [m.id, m.score]))}`);
    });
  }

  it('shows the lines of the paste that matched, on one line', () => {
    const paste = 'Attaching to web-1\nweb-1 | Error response from daemon: network bridge\nnot found\nexit status 1';
    assert.equal(explainError(paste).matches[0].excerpt, 'web-1 | Error response from daemon: network bridge not found');
  });

  it('shows only the matched part of a very long line', () => {
    const paste = `${'x'.repeat(400)} Error response from daemon: network bridge not found ${'y'.repeat(400)}`;
    assert.equal(explainError(paste).matches[0].excerpt, 'network bridge not found');
  });

  it('reads a paste longer than the limit from its end', () => {
    const text = `${'x '.repeat(MAX_EXPLAIN_CHARS)}Windows does not support host IP addresses in NAT settings`;
    assert.equal(explainError(text).matches[0]?.id, 'port-host-ip');
  });
});

describe('explain: no match', () => {
  const unrelated = [
    '',
    '   \n ',
    'hello world',
    'npm ERR! code ENOENT',
    'Error response from daemon: pull access denied for foo, repository does not exist or may require docker login',
    'The system cannot find the file specified.',
    'image not found',
    'fatal: not a git repository (or any of the parent directories): .git',
    'Traceback (most recent call last): KeyError: 42',
    'error',
    'not found',
  ];
  for (const text of unrelated) it(JSON.stringify(text), () => assert.deepEqual(explainError(text).matches, []));

  it('says so plainly and points at winnet rules', () => {
    assert.equal(explainMarkdown({ matches: [] }), NO_MATCH_MARKDOWN);
    assert.match(NO_MATCH_MARKDOWN, /winnet knows no error like this one/);
    assert.match(NO_MATCH_MARKDOWN, /`winnet rules`/);
  });
});

describe('explain: the answer', () => {
  it('a rule: what it means, the rule with its docs link, what to do, the sources', () => {
    const result = explainError('Windows does not support host IP addresses in NAT settings', { docsBaseUrl: 'file:///docs/rules/' });
    const [m] = result.matches;
    assert.equal(m.kind, 'rule');
    assert.deepEqual(m.rules, [{ id: 'port-host-ip', title: ruleMeta('port-host-ip')!.title, docsUrl: 'file:///docs/rules/port-host-ip.md' }]);
    const markdown = explainMarkdown(result);
    assert.match(markdown, /^# What this error means\n\nOne likely cause\.\n\n## Published port bound to a host IP on Windows\n/);
    assert.match(markdown, /\*\*winnet catches it before `docker compose up`:\*\* \[`port-host-ip`\]\(file:\/\/\/docs\/rules\/port-host-ip\.md\)/);
    assert.match(markdown, /\*\*What to do:\*\* Drop the host IP/);
    assert.match(markdown, /Sources: \[moby: Windows network driver \(windowsshim\)\]\(https:\/\/github\.com\/moby\/moby/);
  });

  it('a cause: numbered with the others, and the rules that catch a related mistake', () => {
    const result = explainError('HNS failed with error : The parameter is incorrect');
    const ids = result.matches.map((m) => m.id);
    assert.ok(ids.includes('winnat-leftover') && ids.includes('nat-network-per-project'), JSON.stringify(ids));
    const markdown = explainMarkdown(result);
    assert.match(markdown, /likely causes, the likeliest first\./);
    assert.match(markdown, /## \d\. Another WinNAT is in the way of a new NAT network/);
    assert.match(markdown, /\*\*Rules that catch a related mistake in your files:\*\* `nat-network-per-project` \(/);
  });

  it('quotes what matched safely, whatever backticks the paste holds', () => {
    const markdown = explainMarkdown(explainError('`network bridge not found`'));
    assert.match(markdown, /`` `network bridge not found` ``|`network bridge not found`/);
  });
});
