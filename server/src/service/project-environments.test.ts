/**
 * Each project's variables in the editor: its `.env`, or the configured env files instead; the process environment
 * only when given; read once per project directory and read again when one of its files changes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EnvironmentSources, ProjectEnvironments } from './project-environments';

/** A file system of env files, counting reads. */
function files(initial: Record<string, string>) {
  const fs = { ...initial };
  const reads: string[] = [];
  const read = (path: string) => {
    reads.push(path);
    return fs[path];
  };
  return { fs, reads, read };
}

function environments(initial: Record<string, string>, sources: EnvironmentSources = { envFiles: [] }) {
  const disk = files(initial);
  const envs = new ProjectEnvironments(disk.read);
  envs.configure(sources);
  return { ...disk, envs };
}

describe('project environments', () => {
  it("a project's `.env`, in its directory", () => {
    const { envs } = environments({ '/p/.env': 'A=1\n', '/q/.env': 'A=2\n' });
    assert.equal(envs.of('/p').get('A')?.value, '1');
    assert.equal(envs.of('/q').get('A')?.value, '2');
    assert.equal(envs.of('/r').get('A'), undefined);
    assert.deepEqual(
      envs.of('/p').files.map((f) => f.path),
      ['/p/.env'],
    );
    assert.equal(envs.of('/p').processRead, false);
  });

  it('configured env files replace `.env`, later ones winning', () => {
    const { envs } = environments({ '/p/.env': 'A=1\n', '/w/a.env': 'A=2\nB=x\n', '/w/b.env': 'A=3\n' }, { envFiles: ['/w/a.env', '/w/b.env'] });
    const env = envs.of('/p');
    assert.equal(env.get('A')?.value, '3');
    assert.equal(env.get('B')?.value, 'x');
    assert.deepEqual(
      env.files.map((f) => f.path),
      ['/w/a.env', '/w/b.env'],
    );
  });

  it('the process environment, only when given, wins over the files', () => {
    const { envs } = environments({ '/p/.env': 'A=1\n' }, { envFiles: [], process: { A: 'shell' } });
    assert.equal(envs.of('/p').get('A')?.value, 'shell');
    assert.equal(envs.of('/p').processRead, true);
  });

  it('read once per directory, and again after a change to a file it reads', () => {
    const { envs, fs, reads } = environments({ '/p/.env': 'A=1\n' });
    const first = envs.of('/p');
    assert.equal(envs.of('/p'), first);
    assert.deepEqual(reads, ['/p/.env']);
    fs['/p/.env'] = 'A=2\n';
    assert.equal(envs.changed('/p/.env'), true);
    assert.equal(envs.of('/p').get('A')?.value, '2');
  });

  it('a `.env` created later is read after its change is told', () => {
    const { envs, fs } = environments({});
    assert.equal(envs.of('/p').get('A'), undefined);
    fs['/p/.env'] = 'A=1\n';
    envs.changed('/p/.env');
    assert.equal(envs.of('/p').get('A')?.value, '1');
  });

  it('a change to a file no project reads changes nothing', () => {
    const { envs } = environments({ '/p/.env': 'A=1\n' }, { envFiles: ['/w/a.env'] });
    const before = envs.of('/p');
    assert.equal(envs.changed('/p/.env'), false, 'not read: env files are configured');
    assert.equal(envs.changed('/p/compose.yaml'), false);
    assert.equal(envs.of('/p'), before);
    assert.equal(envs.changed('/w/a.env'), true);
    assert.notEqual(envs.of('/p'), before);
  });

  it('which files a project reads', () => {
    const table: { sources: EnvironmentSources; directory: string; path: string; reads: boolean; envFile: boolean }[] = [
      { sources: { envFiles: [] }, directory: '/p', path: '/p/.env', reads: true, envFile: true },
      { sources: { envFiles: [] }, directory: '/p', path: '/q/.env', reads: false, envFile: true },
      { sources: { envFiles: [] }, directory: '/p', path: '/p/prod.env', reads: false, envFile: false },
      { sources: { envFiles: ['/w/prod.env'] }, directory: '/p', path: '/w/prod.env', reads: true, envFile: true },
      { sources: { envFiles: ['/w/prod.env'] }, directory: '/p', path: '/p/.env', reads: false, envFile: false },
    ];
    for (const row of table) {
      const { envs } = environments({}, row.sources);
      assert.equal(envs.reads(row.directory, row.path), row.reads, JSON.stringify(row));
      assert.equal(envs.isEnvFile(row.path), row.envFile, JSON.stringify(row));
    }
  });

  it('new sources forget every environment', () => {
    const { envs } = environments({ '/p/.env': 'A=1\n' });
    const before = envs.of('/p');
    envs.configure({ envFiles: [], process: { A: '2' } });
    assert.notEqual(envs.of('/p'), before);
    assert.equal(envs.of('/p').get('A')?.value, '2');
  });

  it('a malformed env file gives what it can, never an exception', () => {
    const { envs } = environments({ '/p/.env': 'A=1\nBAD LINE\n"unclosed=\nB=2\n\u0000=\n' });
    const env = envs.of('/p');
    assert.equal(env.get('A')?.value, '1');
    assert.ok(env.files[0].parsed.problems.length > 0);
  });
});
