/**
 * A `docker` command line read as the Docker CLI reads it: global options, the subcommand, then its flags and
 * arguments, each with the span it is written at. The flag tables are docker/cli's (`cli/command/network/create.go`,
 * `network/connect.go`, `container/opts.go` addFlags, `service/opts.go`, `cli/flags/options.go` for the global
 * ones) as the reference pages list them (https://docs.docker.com/reference/cli/docker/). Only the commands that
 * create networks or attach containers to them are read: `network create`, `network connect`, `run`/`create`
 * (and `container run|create`), `service create`.
 *
 * pflag's grammar: `--name value` or `--name=value`; short flags cluster (`-dit`), and a short flag that takes a
 * value takes the rest of its cluster (`-p8080:80`) or the next word; `--` ends the flags. `run`, `create` and
 * `service create` stop reading flags at the image (what follows is the container's command); `network create`
 * reads flags after the name too.
 */
import type { Span } from '../documents/text';
import type { CommandLine, Word } from './words';

/** `compose`: `docker compose` / `docker-compose` with its global options (the files of the project it runs). */
export type DockerCommandKind = 'network-create' | 'network-connect' | 'run' | 'service-create' | 'compose';

/** Part of a word: a flag's value, or the key or value of a `key=value` option. */
export interface Piece {
  value: string;
  span: Span;
  /** False when the shell substitutes part of it (a variable, a subexpression): judged only where literal. */
  literal: boolean;
  word: Word;
  /** Where it is in its word's value. */
  from: number;
}

export interface FlagUse {
  /** The canonical long name without dashes (`network` for `--net`, `publish` for `-p`). */
  name: string;
  /** The flag as written (`-p`, `--publish`), inside its word. */
  flag: Piece;
  /** The value, for a flag that takes one (absent when the command line ends first). */
  value?: Piece;
  /** For a boolean flag: its value (`--ipv6=false` is false). */
  on?: boolean;
}

export interface DockerCommand {
  kind: DockerCommandKind;
  line: CommandLine;
  /** The words from `docker` to the subcommand (`docker network create`), for spans of the command itself. */
  head: Word[];
  flags: FlagUse[];
  /** Arguments that are not flags: the network name; the image and the container's command; network and container. */
  args: Piece[];
}

interface FlagSpec {
  /** Canonical long name. */
  name: string;
  takesValue: boolean;
}

/** `long: short` or `long` for value flags and booleans of each command, with aliases mapped to one name. */
interface FlagTable {
  byLong: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
}

function table(values: string, booleans: string, aliases: Record<string, string> = {}): FlagTable {
  const byLong = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  const add = (list: string, takesValue: boolean) => {
    for (const entry of list.split(/\s+/).filter(Boolean)) {
      const [long, short] = entry.split('/');
      const spec = { name: long, takesValue };
      byLong.set(long, spec);
      if (short) byShort.set(short, spec);
    }
  };
  add(values, true);
  add(booleans, false);
  for (const [alias, name] of Object.entries(aliases)) {
    const spec = byLong.get(name);
    if (spec) byLong.set(alias, spec);
  }
  return { byLong, byShort };
}

/** docker/cli cli/flags/options.go: options of `docker` itself, before the subcommand. */
const GLOBAL = table('config context/c host/H log-level/l tlscacert tlscert tlskey', 'debug/D tls tlsverify help version/v');

const NETWORK_CREATE = table(
  'driver/d opt/o subnet gateway ip-range aux-address ipam-driver ipam-opt label scope config-from',
  'ipv6 ipv4 internal attachable ingress config-only help',
);

const NETWORK_CONNECT = table('ip ip6 alias link link-local-ip driver-opt gw-priority', 'help');

/** docker/cli cli/command/container/opts.go addFlags and run.go/create.go: every flag of `docker run` / `docker create`. */
const RUN = table(
  `add-host annotation attach/a blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns cidfile
   cpu-count cpu-percent cpu-period cpu-quota cpu-rt-period cpu-rt-runtime cpu-shares/c cpus cpuset-cpus cpuset-mems
   detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps device-write-iops dns
   dns-option dns-search domainname entrypoint env/e env-file expose gpus group-add health-cmd health-interval
   health-retries health-start-interval health-start-period health-timeout hostname/h io-maxbandwidth io-maxiops ip
   ip6 ipc isolation kernel-memory label/l label-file link link-local-ip log-driver log-opt mac-address memory/m
   memory-reservation memory-swap memory-swappiness mount name network network-alias oom-score-adj pid pids-limit
   platform publish/p pull restart runtime security-opt shm-size stop-signal stop-timeout storage-opt sysctl tmpfs
   ulimit user/u userns uts volume/v volume-driver volumes-from workdir/w`,
  'detach/d interactive/i tty/t publish-all/P privileged rm read-only init no-healthcheck oom-kill-disable sig-proxy quiet/q disable-content-trust use-api-socket help',
  { net: 'network', 'net-alias': 'network-alias', 'dns-opt': 'dns-option' },
);

/** docker/cli cli/command/service/opts.go and create.go: the flags of `docker service create`. */
const SERVICE_CREATE = table(
  `cap-add cap-drop config constraint container-label credential-spec dns dns-option dns-search endpoint-mode
   entrypoint env/e env-file generic-resource group health-cmd health-interval health-retries health-start-interval
   health-start-period health-timeout host hostname isolation label/l limit-cpu limit-memory limit-pids log-driver
   log-opt max-concurrent mode mount name network placement-pref publish/p replicas replicas-max-per-node
   reserve-cpu reserve-memory restart-condition restart-delay restart-max-attempts restart-window rollback-delay
   rollback-failure-action rollback-max-failure-ratio rollback-monitor rollback-order rollback-parallelism secret
   stop-grace-period stop-signal sysctl ulimit update-delay update-failure-action update-max-failure-ratio
   update-monitor update-order update-parallelism user/u workdir/w`,
  'detach/d init no-healthcheck no-resolve-image read-only quiet/q tty/t with-registry-auth help',
  { 'dns-opt': 'dns-option' },
);

/**
 * docker/compose cmd/compose/compose.go ProjectOptions: the global options that say which project `docker compose`
 * runs; the subcommand (`up`, `config`...) ends them.
 */
const COMPOSE = table('file/f project-name/p project-directory env-file profile ansi parallel progress', 'compatibility dry-run all-resources verbose help');

/** Words before `docker` that run it (`sudo docker ...`, `time docker ...`): left out. */
const PREFIXES = new Set(['sudo', 'time', 'exec', 'command', 'nohup']);

/** The docker command on this line, if it is one winnet reads. */
export function parseDockerCommand(line: CommandLine): DockerCommand | undefined {
  const words = line.words;
  let i = 0;
  while (
    i < words.length &&
    (PREFIXES.has(words[i].value) || (i > 0 && words[i - 1].value === 'env' && words[i].value.includes('=')) || words[i].value === 'env')
  )
    i++;
  if (i < words.length && /(^|[\\/])docker-compose(\.exe)?$/i.test(words[i].value)) return composeCommand(line, [words[i]], i + 1);
  if (i >= words.length || !isDocker(words[i].value)) return undefined;
  const head: Word[] = [words[i++]];
  // Global options: `docker -H npipe:////./pipe/docker_engine network create ...`.
  i = skipFlags(words, i, GLOBAL);
  const sub = words[i]?.value;
  if (sub === 'compose') return composeCommand(line, [...head, words[i]], i + 1);
  let kind: DockerCommandKind | undefined;
  let flags: FlagTable | undefined;
  let interspersed = true;
  const next = words[i + 1]?.value;
  if (sub === 'network' && next === 'create') [kind, flags] = ['network-create', NETWORK_CREATE];
  else if (sub === 'network' && next === 'connect') [kind, flags] = ['network-connect', NETWORK_CONNECT];
  else if (sub === 'container' && (next === 'run' || next === 'create')) [kind, flags, interspersed] = ['run', RUN, false];
  else if (sub === 'service' && next === 'create') [kind, flags, interspersed] = ['service-create', SERVICE_CREATE, false];
  else if (sub === 'run' || sub === 'create') [kind, flags, interspersed] = ['run', RUN, false];
  if (!kind || !flags) return undefined;
  const words2 = sub === 'run' || sub === 'create' ? 1 : 2;
  head.push(...words.slice(i, i + words2));
  i += words2;
  const command: DockerCommand = { kind, line, head, flags: [], args: [] };
  readArguments(words, i, flags, interspersed, command);
  return command;
}

/** `docker compose -f a.yml -f b.yml up`: its global options, up to the subcommand. */
function composeCommand(line: CommandLine, head: Word[], from: number): DockerCommand {
  const command: DockerCommand = { kind: 'compose', line, head, flags: [], args: [] };
  // Flags are read up to the subcommand (its own flags are not the project's).
  readArguments(line.words, from, COMPOSE, false, command);
  command.args = command.args.slice(0, 1);
  return command;
}

/** `docker`, `docker.exe`, or a path to either (`& "C:\Program Files\Docker\Docker\resources\bin\docker.exe"`). */
function isDocker(value: string): boolean {
  return /(^|[\\/])docker(\.exe)?$/i.test(value);
}

function skipFlags(words: Word[], i: number, flags: FlagTable): number {
  while (i < words.length && words[i].value.startsWith('-') && words[i].value !== '-') {
    const text = words[i].value;
    const long = text.startsWith('--');
    const name = long ? text.slice(2).split('=')[0] : text.slice(1, 2);
    const spec = long ? flags.byLong.get(name) : flags.byShort.get(name);
    i += spec?.takesValue && !text.includes('=') && (long || text.length === 2) ? 2 : 1;
  }
  return i;
}

function readArguments(words: Word[], from: number, flags: FlagTable, interspersed: boolean, out: DockerCommand): void {
  let flagsDone = false;
  for (let i = from; i < words.length; i++) {
    const word = words[i];
    const text = word.value;
    if (flagsDone || !text.startsWith('-') || text === '-') {
      out.args.push(piece(word, 0, text.length));
      if (!interspersed) flagsDone = true;
      continue;
    }
    if (text === '--') {
      flagsDone = true;
      continue;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = text.slice(2, eq < 0 ? undefined : eq);
      const spec = flags.byLong.get(name);
      const flag = piece(word, 0, eq < 0 ? text.length : eq);
      if (spec?.takesValue) {
        const value = eq >= 0 ? piece(word, eq + 1, text.length) : words[i + 1] ? piece(words[++i], 0, words[i].value.length) : undefined;
        out.flags.push({ name: spec.name, flag, value });
      } else {
        // A boolean takes `=false`; an unknown flag is taken as a boolean (a newer CLI's flag: better to skip one
        // word too few than to read the image as its value).
        const on = eq < 0 || !/^(false|0|f)$/i.test(text.slice(eq + 1));
        out.flags.push({ name: spec?.name ?? name, flag, on });
      }
      continue;
    }
    // A cluster of short flags: `-dit`, `-p8080:80`, `-dp` `80:80`.
    for (let c = 1; c < text.length; c++) {
      const spec = flags.byShort.get(text[c]);
      const flag = piece(word, c - (c === 1 ? 1 : 0), c + 1);
      if (!spec) {
        out.flags.push({ name: text[c], flag, on: true });
        continue;
      }
      if (!spec.takesValue) {
        out.flags.push({ name: spec.name, flag, on: true });
        continue;
      }
      const rest = c + 1 < text.length ? (text[c + 1] === '=' ? c + 2 : c + 1) : -1;
      const value = rest >= 0 ? piece(word, rest, text.length) : words[i + 1] ? piece(words[++i], 0, words[i].value.length) : undefined;
      out.flags.push({ name: spec.name, flag, value });
      break;
    }
  }
}

/** The characters [from, to) of a word's value, with their span in the file. */
function piece(word: Word, from: number, to: number): Piece {
  const start = word.offsets[from] ?? word.span.start;
  const end = to >= word.value.length ? (word.offsets[word.value.length] ?? word.span.end) : (word.offsets[to] ?? word.span.end);
  // A whole word: its span includes its quotes, so a fix or a finding covers what the user sees.
  const span = from === 0 && to >= word.value.length ? word.span : { start, end: Math.max(start, end) };
  return { value: word.value.slice(from, to), span, literal: word.literal, word, from };
}

/** `key=value` inside a piece (`-o com.docker.network.windowsshim.interface="Ethernet 2"`); the key alone when no `=`. */
export function splitKeyValue(p: Piece): { key: Piece; value?: Piece } {
  const eq = p.value.indexOf('=');
  const at = p.from;
  if (eq < 0) return { key: p };
  return { key: piece(p.word, at, at + eq), value: piece(p.word, at + eq + 1, at + p.value.length) };
}
