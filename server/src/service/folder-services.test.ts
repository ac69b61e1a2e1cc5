import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../compose/loader';
import { createFolderLanguageService, type FolderSettings } from './folder-services';
import type { Settings } from './language-service';

/** A Linux-looking file with a host IP: a finding only when it is checked as Windows. */
const COMPOSE = 'services:\n  web:\n    image: app\n    ports:\n      - "127.0.0.1:80:80"\n';
/** A Windows file with a host IP and a `dns_opt`. */
const WINDOWS = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    dns_opt: [a]\n    ports:\n      - "127.0.0.1:80:80"\n';

const pathOf = (uri: string) => (uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : undefined);

function service(workspace: Settings, folders: FolderSettings[]) {
  const s = createFolderLanguageService({}, pathOf);
  s.configureFolders(workspace, folders);
  return s;
}

/** The rules these tests set, among the findings (other rules fire on these files too). */
const WATCHED = new Set(['port-host-ip', 'dns-opt', 'nat-loopback']);
const watched = (rules: string[]) => rules.filter((r) => WATCHED.has(r)).sort();

const rulesOf = (s: ReturnType<typeof service>, uri: string, text: string) => watched(s.diagnose({ uri, version: 1, text }).result.findings.map((f) => f.rule));

describe('settings per workspace folder', () => {
  const folders: FolderSettings[] = [
    { path: '/ws/alpha', settings: { target: 'windows' } },
    { path: '/ws/alpha/legacy', settings: { target: 'windows', windowsVersion: 'ltsc2016', rules: { 'port-host-ip': 'off' } } },
    { path: '/ws/plain', settings: {} },
  ];
  const cases: { name: string; uri: string; text: string; expect: string[] }[] = [
    { name: "a folder's own target", uri: 'file:///ws/alpha/compose.yaml', text: COMPOSE, expect: ['port-host-ip'] },
    { name: 'the innermost folder wins: its version and rules', uri: 'file:///ws/alpha/legacy/compose.yaml', text: COMPOSE, expect: ['nat-loopback'] },
    {
      name: "a folder's settings are whole: its defaults, not the workspace's",
      uri: 'file:///ws/plain/compose.yaml',
      text: WINDOWS,
      expect: ['dns-opt', 'port-host-ip'],
    },
    { name: 'a file outside every folder: the workspace settings', uri: 'file:///elsewhere/compose.yaml', text: WINDOWS, expect: ['port-host-ip'] },
    { name: 'a name that only starts like a folder is not in it', uri: 'file:///ws/alphabet/compose.yaml', text: COMPOSE, expect: [] },
    { name: 'a file outside every folder', uri: 'file:///elsewhere/compose.yaml', text: COMPOSE, expect: [] },
    { name: 'an untitled document', uri: 'untitled:Untitled-1', text: COMPOSE, expect: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(rulesOf(service({ rules: { 'dns-opt': 'off' } }, folders), c.uri, c.text), c.expect);
    });
  }

  it('Windows paths, with either separator', () => {
    const s = createFolderLanguageService({}, (uri) => (uri === 'x' ? 'C:\\ws\\alpha\\compose.yaml' : undefined));
    s.configureFolders({}, [{ path: 'C:\\ws\\alpha', settings: { target: 'windows' } }]);
    assert.deepEqual(rulesOf(s as ReturnType<typeof service>, 'x', COMPOSE), ['port-host-ip']);
  });

  it('a set is checked with the settings of the folder of its first file', () => {
    const files: Record<string, string> = { '/ws/alpha/compose.yaml': COMPOSE, '/ws/alpha/compose.override.yaml': 'services:\n  web:\n    dns_opt: [a]\n' };
    const reader: FileReader = { read: (p) => files[p] };
    const s = service({}, folders);
    const { results } = s.diagnoseSet(['/ws/alpha/compose.yaml', '/ws/alpha/compose.override.yaml'], reader);
    assert.deepEqual(watched([...results.values()].flatMap((r) => r.findings.map((f) => f.rule))), ['dns-opt', 'port-host-ip']);
  });

  it('reconfiguring applies new settings and forgets old ones', () => {
    const s = service({}, folders);
    const uri = 'file:///ws/alpha/compose.yaml';
    assert.deepEqual(rulesOf(s, uri, COMPOSE), ['port-host-ip']);
    s.configureFolders({}, []);
    assert.deepEqual(rulesOf(s, uri, COMPOSE), []);
    s.configure({ target: 'windows' });
    assert.deepEqual(rulesOf(s, uri, COMPOSE), ['port-host-ip']);
  });

  it('forget reaches every service', () => {
    const s = service({}, folders);
    for (const uri of ['file:///ws/alpha/compose.yaml', 'file:///ws/plain/compose.yaml']) {
      rulesOf(s, uri, COMPOSE);
      s.forget(uri);
      // After forget, a new text under the same version is parsed afresh (no stale cache).
      assert.equal(s.parse({ uri, version: 1, text: 'networks: {}\n' }).text, 'networks: {}\n');
    }
  });
});
