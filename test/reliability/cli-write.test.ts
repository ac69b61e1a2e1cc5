/**
 * `winnet check --fix` writes safely: through a temporary file and a rename (the old inode is never truncated),
 * never over a file that changed after it was read, in the file's own encoding and line endings, never for a
 * file it could not decode losslessly, and without leaving temporary files behind. It keeps what the file is:
 * its permissions and owner, and a symlink stays a link (its target is fixed).
 */
import assert from 'node:assert/strict';
import fs, { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { parseDocument } from '../../server/src/documents/document';

const BROKEN =
  'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022 # the app\n    ports:\n      - "127.0.0.1:8080:80" # local only\n    network_mode: bridge\n';

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => /winnet.*\.tmp$/.test(f));

describe('--fix writes atomically and only over what it read', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'winnet-write-'));
  });
  afterEach(() => {
    mock.restoreAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the file by a rename: a hard link to the old file keeps the old text, no temporary file is left', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    linkSync(file, join(dir, 'old-inode'));
    const before = statSync(file).ino;
    const run = cli(['check', file, '--fix', '--format', 'json'], dir);
    const fixed = readFileSync(file, 'utf8');
    assert.notEqual(fixed, BROKEN, run.stdout);
    assert.equal(readFileSync(join(dir, 'old-inode'), 'utf8'), BROKEN, 'the old inode was not written in place');
    assert.notEqual(statSync(file).ino, before, 'a new inode took the name');
    assert.deepEqual(leftovers(dir), []);
    assert.deepEqual(parseDocument(file, fixed).errors, []);
    for (const comment of ['# the app', '# local only']) assert.ok(fixed.includes(comment), `keeps ${comment}`);
  });

  it('does not write when the file changed after it was read (an editor saved meanwhile)', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    const edited = BROKEN.replace('# the app', '# edited in the editor meanwhile');
    const realWrite = fs.writeFileSync;
    // The first write winnet makes is its temporary file: change the real file right then.
    mock.method(fs, 'writeFileSync', (...args: Parameters<typeof fs.writeFileSync>) => {
      if (String(args[0]).endsWith('.tmp')) realWrite(file, edited);
      return realWrite(...args);
    });
    const run = cli(['check', file, '--fix', '--format', 'json'], dir);
    mock.restoreAll();
    assert.equal(readFileSync(file, 'utf8'), edited, 'the concurrent edit survives');
    const out = JSON.parse(run.stdout) as { files: { fixed?: boolean; fixNote?: string }[] };
    assert.equal(out.files[0].fixed, false);
    assert.match(out.files[0].fixNote ?? '', /changed while winnet was checking it/);
    assert.deepEqual(leftovers(dir), []);
  });

  it('does not write when the file disappeared after it was read', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    const realWrite = fs.writeFileSync;
    mock.method(fs, 'writeFileSync', (...args: Parameters<typeof fs.writeFileSync>) => {
      if (String(args[0]).endsWith('.tmp')) rmSync(file);
      return realWrite(...args);
    });
    const run = cli(['check', file, '--fix', '--format', 'json'], dir);
    mock.restoreAll();
    assert.throws(() => statSync(file), /ENOENT/, 'winnet did not recreate a deleted file');
    assert.match(run.stdout, /not written/);
    assert.deepEqual(leftovers(dir), []);
  });

  it('reports a failed write and leaves the file and no temporary file', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    mock.method(fs, 'renameSync', () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    const run = cli(['check', file, '--fix', '--format', 'json'], dir);
    mock.restoreAll();
    assert.equal(readFileSync(file, 'utf8'), BROKEN);
    assert.match(run.stdout, /not written: ENOSPC/);
    assert.deepEqual(leftovers(dir), []);
  });

  it('writes back in the file encoding and line endings: UTF-16LE with BOM and CRLF', () => {
    const file = join(dir, 'docker-compose.yml');
    const text = `\uFEFF${BROKEN.replace(/\n/g, '\r\n')}`;
    writeFileSync(file, Buffer.from(text, 'utf16le'));
    cli(['check', file, '--fix'], dir);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'BOM kept');
    const fixed = bytes.toString('utf16le');
    assert.notEqual(fixed, text);
    assert.ok(!/[^\r]\n/.test(fixed), 'CRLF only');
    assert.ok(fixed.includes('network_mode: nat'));
  });

  it('writes back UTF-8 with BOM', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, `\uFEFF${BROKEN}`);
    cli(['check', file, '--fix'], dir);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.toString('utf8').includes('network_mode: nat'));
  });

  it('leaves a file with invalid UTF-8 untouched, and says why', () => {
    const file = join(dir, 'compose.yaml');
    // An ISO-8859-1 'é' and a stray 0xff inside a comment: the text decodes with replacement characters.
    const [head, tail] = BROKEN.split('the app');
    const bytes = Buffer.concat([Buffer.from(`${head}caf`), Buffer.from([0xe9, 0xff]), Buffer.from(tail)]);
    writeFileSync(file, bytes);
    const run = cli(['check', file, '--fix', '--format', 'json'], dir);
    assert.deepEqual(readFileSync(file), bytes);
    assert.match(run.stdout, /not valid text in its encoding/);
  });

  it('fixing twice changes nothing the second time', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    cli(['check', file, '--fix'], dir);
    const once = readFileSync(file, 'utf8');
    const ino = statSync(file).ino;
    cli(['check', file, '--fix'], dir);
    assert.equal(readFileSync(file, 'utf8'), once);
    assert.equal(statSync(file).ino, ino, 'nothing to fix: the file is not rewritten');
  });

  // The file's whole mode survives the rename: the usual 0o600, and special bits (setgid) with an executable bit.
  for (const [name, mode] of [
    ['keeps the file permissions', 0o600],
    ['keeps special permission bits and an executable bit', 0o2750],
  ] as const) {
    it(name, () => {
      const file = join(dir, 'compose.yaml');
      writeFileSync(file, BROKEN);
      chmodSync(file, mode);
      cli(['check', file, '--fix'], dir);
      assert.notEqual(readFileSync(file, 'utf8'), BROKEN);
      assert.equal(statSync(file).mode & 0o7777, mode);
    });
  }

  it('does not replace a read-only file: it says so, and the findings remain', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    chmodSync(file, 0o444);
    const run = cli(['check', file, '--fix'], dir);
    assert.equal(readFileSync(file, 'utf8'), BROKEN);
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.equal(run.code, 1);
    assert.match(run.stdout + run.stderr, /not written: the file is read-only/);
    chmodSync(file, 0o644);
  });

  it('fixes a symlinked file through its link', () => {
    mkdirSync(join(dir, 'shared'));
    const target = join(dir, 'shared', 'compose.yaml');
    writeFileSync(target, BROKEN);
    const link = join(dir, 'compose.yaml');
    symlinkSync(target, link);
    cli(['check', link, '--fix'], dir);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.ok(readFileSync(target, 'utf8').includes('network_mode: nat'), 'the target was fixed');
  });

  it('follows a chain of relative links to the file, keeps every link and leaves no temporary file in any folder', () => {
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'shared', 'compose.yaml'), BROKEN);
    symlinkSync('compose.yaml', join(dir, 'shared', 'current.yaml'));
    symlinkSync('../shared/current.yaml', join(dir, 'app', 'compose.yaml'));
    cli(['check', join(dir, 'app', 'compose.yaml'), '--fix'], dir);
    assert.ok(lstatSync(join(dir, 'app', 'compose.yaml')).isSymbolicLink());
    assert.ok(lstatSync(join(dir, 'shared', 'current.yaml')).isSymbolicLink());
    assert.ok(readFileSync(join(dir, 'shared', 'compose.yaml'), 'utf8').includes('network_mode: nat'));
    for (const folder of [dir, join(dir, 'shared'), join(dir, 'app')]) assert.deepEqual(leftovers(folder), [], folder);
  });

  it('keeps the owner and group of a file it may give away', { skip: process.getuid?.() !== 0 && 'only root can give a file another owner' }, () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, BROKEN);
    fs.chownSync(file, 4321, 4322);
    cli(['check', file, '--fix'], dir);
    assert.notEqual(readFileSync(file, 'utf8'), BROKEN);
    const { uid, gid } = statSync(file);
    assert.deepEqual([uid, gid], [4321, 4322]);
  });
});
