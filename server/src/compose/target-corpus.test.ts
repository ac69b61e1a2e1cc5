/**
 * Target detection on the labelled public corpus (shared/corpus/real-world, read where it lives, never copied):
 * every file SOURCES.md lists under compose-windows/ is decided Windows, every file under compose-linux/ Linux,
 * except the two Windows-folder files argued below. Each file is read at its original path (`owner/repo/path`,
 * as a checkout would hold it), since a path that names Windows is evidence. Skipped when the corpus is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decode } from '../cli/files';
import { parseDocument } from '../documents/document';
import { linuxEvidence } from './evidence';
import { buildComposeModel } from './model';
import { decideTarget } from './target';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world');

/**
 * Files of compose-windows/ that winnet decides Linux, and why that is the right reading of the file itself.
 */
const ARGUED_LINUX: Record<string, string> = {
  // LCOW: a Windows daemon runs this Linux container, so its networks are Windows networks; but only the folder
  // name (`lcow`) says so. The one image naming a platform is `tutum/curl:alpine`, a Linux image, and
  // `stefanscherer/whoami` is multi-arch. A file run on Docker Desktop's Linux engine would read the same.
  'StefanScherer__dockerfiles-windows__compose__lcow__docker-compose.yml': 'service `lin` uses the Linux image `tutum/curl:alpine`',
  // Portainer's own agent stack, from a book about Windows (a mixed swarm): the agent is pinned to
  // `node.platform.os == linux` and mounts `/var/run/docker.sock`, the server mounts `/data`. Every service it
  // places runs on Linux nodes; nothing in it runs on Windows.
  'sixeyed__docker-on-windows__ch08__ch08-portainer__docker-compose.yml': 'service `agent` is placed on Linux nodes',
};

function model(dir: string, file: string) {
  const { text } = decode(readFileSync(join(CORPUS, dir, file)));
  // `owner__repo__path__to__file` → `owner/repo/path/to/file`
  const path = `/checkout/${file.split('__').join('/')}`;
  return buildComposeModel(parseDocument(path, text, 'yaml').root, path);
}

const decide = (dir: string, file: string) => decideTarget(model(dir, file), 'auto');

describe('target detection on the public corpus', { skip: !existsSync(CORPUS) && 'shared/corpus/real-world is absent' }, () => {
  const list = (dir: string) => (existsSync(join(CORPUS, dir)) ? readdirSync(join(CORPUS, dir)).sort() : []);
  const windows = list('compose-windows');
  const linux = list('compose-linux');

  it('holds the files this test reads (30 Windows, 14 Linux)', () => assert.deepEqual([windows.length, linux.length], [30, 14]));

  for (const file of windows) {
    const argued = ARGUED_LINUX[file];
    it(`compose-windows/${file} is ${argued ? 'Linux (argued)' : 'Windows'}`, () => {
      const info = decide('compose-windows', file);
      if (argued) {
        assert.equal(info.target, 'linux');
        assert.equal(info.evidence, undefined, 'no Windows evidence at all');
        assert.equal(linuxEvidence(model('compose-windows', file)).next().value?.reason, argued);
      } else {
        assert.equal(info.target, 'windows');
        assert.ok(info.evidence, 'the decision cites its evidence');
      }
    });
  }

  for (const file of linux) {
    it(`compose-linux/${file} is Linux`, () => assert.equal(decide('compose-linux', file).target, 'linux'));
  }

  it('28 of the 30 Windows files are decided Windows, and how strongly', () => {
    const decided = windows.map((f) => decide('compose-windows', f));
    assert.equal(decided.filter((d) => d.target === 'windows').length, 28);
    assert.equal(
      decided.filter((d) => d.evidence?.strength === 'weak').length,
      2,
      'two rest on weak evidence alone (a Windows host path, a path that names Windows)',
    );
  });
});
