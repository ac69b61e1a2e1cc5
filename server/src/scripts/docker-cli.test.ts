/**
 * `docker` command lines as the Docker CLI reads them (docker/cli's flag sets, pflag's grammar): which commands
 * are read, which flags take values, short clusters, `--flag=value`, `--`, and where the image ends the flags.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerCommand, splitKeyValue } from './docker-cli';
import type { CommandLine, Word } from './words';

/** Words split at spaces, each written plainly (the shells' own grammar is tested with the tokenizers). */
function line(text: string): CommandLine {
  const words: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const start = m.index;
    words.push({
      value: m[0],
      span: { start, end: start + m[0].length },
      literal: !m[0].includes('$'),
      offsets: Array.from({ length: m[0].length + 1 }, (_, i) => start + i),
    });
  }
  return { words, span: { start: 0, end: text.length }, shell: 'posix' };
}

function read(text: string) {
  const c = parseDockerCommand(line(text));
  if (!c) return undefined;
  return {
    kind: c.kind,
    flags: c.flags.map((f) => (f.value ? `${f.name}=${f.value.value}` : `${f.name}${f.on === false ? '=false' : ''}`)),
    args: c.args.map((a) => a.value),
  };
}

const CASES: [string, ReturnType<typeof read>][] = [
  [
    'docker network create -d transparent -o com.docker.network.windowsshim.interface=Ethernet tlan',
    { kind: 'network-create', flags: ['driver=transparent', 'opt=com.docker.network.windowsshim.interface=Ethernet'], args: ['tlan'] },
  ],
  [
    'docker network create --driver=l2bridge --subnet 10.0.0.0/24 --gateway=10.0.0.1 l2 --ipv6',
    { kind: 'network-create', flags: ['driver=l2bridge', 'subnet=10.0.0.0/24', 'gateway=10.0.0.1', 'ipv6'], args: ['l2'] },
  ],
  ['docker network create --internal=false --ipv4=false n', { kind: 'network-create', flags: ['internal=false', 'ipv4=false'], args: ['n'] }],
  ['docker -H npipe:////./pipe/docker_engine network create n', { kind: 'network-create', flags: [], args: ['n'] }],
  ['sudo docker network create n', { kind: 'network-create', flags: [], args: ['n'] }],
  [
    'docker.exe run -dit --net=nat -p8080:80 --ip6 fd00::5 mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd /c --ip 1',
    {
      kind: 'run',
      flags: ['detach', 'interactive', 'tty', 'network=nat', 'publish=8080:80', 'ip6=fd00::5'],
      args: ['mcr.microsoft.com/windows/nanoserver:ltsc2022', 'cmd', '/c', '--ip', '1'],
    },
  ],
  [
    'docker container create -e A=1 -v C:\\data:C:\\data --isolation hyperv img',
    { kind: 'run', flags: ['env=A=1', 'volume=C:\\data:C:\\data', 'isolation=hyperv'], args: ['img'] },
  ],
  ['docker run -dp 80:80 img', { kind: 'run', flags: ['detach', 'publish=80:80'], args: ['img'] }],
  ['docker run --rm -- img --ip x', { kind: 'run', flags: ['rm'], args: ['img', '--ip', 'x'] }],
  ['docker network connect --ip 10.0.0.9 --alias db lan sql', { kind: 'network-connect', flags: ['ip=10.0.0.9', 'alias=db'], args: ['lan', 'sql'] }],
  [
    'docker service create --name web --network ov --publish published=80,target=80,mode=host --endpoint-mode dnsrr img',
    {
      kind: 'service-create',
      flags: ['name=web', 'network=ov', 'publish=published=80,target=80,mode=host', 'endpoint-mode=dnsrr'],
      args: ['img'],
    },
  ],
  ['docker run --some-new-flag img', { kind: 'run', flags: ['some-new-flag'], args: ['img'] }],
  ['docker compose -f base.yml -f windows.yml up -d --build', { kind: 'compose', flags: ['file=base.yml', 'file=windows.yml'], args: ['up'] }],
  [
    'docker-compose.exe --project-directory app -f a.yml --env-file prod.env config',
    { kind: 'compose', flags: ['project-directory=app', 'file=a.yml', 'env-file=prod.env'], args: ['config'] },
  ],
  // Not read: other commands, and words that only mention docker.
  ['docker network ls', undefined],
  ['docker ps -a', undefined],
  ['echo docker network create n', undefined],
  ['docker', undefined],
];

describe('docker command lines', () => {
  for (const [text, expected] of CASES) it(text, () => assert.deepEqual(read(text), expected));

  it('locates flags and values: a value glued to its short flag, and the key and value of an option', () => {
    const text = 'docker run -p8080:80 -o a=b img';
    const c = parseDockerCommand(line(text))!;
    const p = c.flags.find((f) => f.name === 'publish')!;
    assert.equal(text.slice(p.flag.span.start, p.flag.span.end), '-p');
    assert.equal(text.slice(p.value!.span.start, p.value!.span.end), '8080:80');
    const o = parseDockerCommand(line('docker network create -o com.docker.network.windowsshim.vlanid=5000 n'))!.flags[0];
    const { key, value } = splitKeyValue(o.value!);
    assert.deepEqual([key.value, value?.value], ['com.docker.network.windowsshim.vlanid', '5000']);
    assert.equal('docker network create -o com.docker.network.windowsshim.vlanid=5000 n'.slice(value!.span.start, value!.span.end), '5000');
  });
});
