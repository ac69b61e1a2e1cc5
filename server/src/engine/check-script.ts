/**
 * Checking the `docker` commands of a script, a CI workflow or a Markdown file with the compose rules: the commands
 * become a compose tree located at their flags (scripts/to-compose.ts), and the rules run on it unchanged, so a
 * finding lands on `--ip6 fd00::5` in a PowerShell line as it would on `ipv6_address:` in a compose file. A
 * PowerShell or batch file, a Windows runner's step, or a block with a Windows prompt is Windows; a shell script or
 * a plain Markdown block needs the same evidence as a compose file (a Windows driver, image, isolation, option).
 */
import type { TargetSetting } from '../compose/target';
import type { ParsedDocument } from '../documents/document';
import type { Range, Span } from '../documents/text';
import { COMPOSE_RULES } from '../rules/registry';
import type { Rule } from '../rules/types';
import { type DockerCommand, parseDockerCommand } from '../scripts/docker-cli';
import { commandLinesOf } from '../scripts/blocks';
import { composeTreeOf } from '../scripts/to-compose';

/**
 * Compose rules that do not apply to commands: the schema and variables are compose-file matters, every network a
 * command joins is declared (as `external` when the script did not create it), and `docker network create` is the
 * very thing nat-network-per-project warns compose projects away from doing implicitly.
 */
const NOT_FOR_COMMANDS = new Set(['compose-schema', 'compose-variable', 'undefined-network', 'nat-network-per-project']);
const SCRIPT_RULES = COMPOSE_RULES.filter((r) => !NOT_FOR_COMMANDS.has(r.meta.id));

/**
 * Rules about networks or ports that collide with each other. A document's code blocks are alternatives more often
 * than one sequence (Microsoft's network driver page creates a transparent, an overlay and an l2bridge network on the
 * same subnet, one example each), so in Markdown these are not asked; the rules about one network or one container
 * still see the networks of earlier blocks.
 */
const COLLISION_RULES = new Set(['subnet-overlap', 'external-networks-same-adapter', 'duplicate-host-port']);
const MARKDOWN_RULES = SCRIPT_RULES.filter((r) => !COLLISION_RULES.has(r.meta.id));

interface ScriptCommands {
  commands: DockerCommand[];
  /** Whether the blocks holding them say Windows by themselves (a .ps1, a Windows runner, a `PS C:\>` prompt). */
  windows: boolean;
}

/** The docker commands of a script-like file, in order. */
function dockerCommandsOf(doc: ParsedDocument): ScriptCommands {
  const commands: DockerCommand[] = [];
  let windows = false;
  for (const { block, line } of commandLinesOf(doc.path, doc.text)) {
    const command = parseDockerCommand(line);
    if (!command) continue;
    commands.push(command);
    windows ||= block.platform === 'windows';
  }
  return { commands, windows };
}

export interface ScriptPlan {
  /** The commands as a compose document: the file's text and lines, the commands' tree. */
  doc: ParsedDocument;
  commands: readonly DockerCommand[];
  /** `windows` when the blocks say so; otherwise the setting (`auto`: decided from the commands, as for compose). */
  target: TargetSetting;
  rules: readonly Rule[];
  /** A rule's finding on the compose form, said and fixed on the command line (in place). */
  adapt(finding: AdaptableFinding): void;
}

/**
 * Rules whose compose fix removes the key, item or option the finding is on (rules/edits.ts removePairLines): on a
 * command line the same fix removes the flag and its value (`--ip6 fd00::5`, `-o com.docker.network.mtu=1500`).
 */
const REMOVES_THE_OPTION = new Set([
  'aux-addresses',
  'disable-ipv4',
  'dns-opt',
  'enable-ipv6',
  'extra-hosts',
  'internal-network',
  'ip-range',
  'ipam-driver',
  'ipam-options',
  'ipv6-address',
  'linux-capabilities',
  'linux-driver-option',
  'network-mode-bridge',
  'network-mode-host',
  'privileged',
  'sysctls',
  'windowsshim-ignored-option',
  'windowsshim-unknown-option',
]);

/** The parts of a finding (engine/check.ts `Finding`) that adapt() reads and rewrites. */
interface AdaptableFinding {
  rule: string;
  span: Span;
  message: string;
  fixes: { title: string; preferred: boolean; edits: { span: Span; range: Range; newText: string }[] }[];
}

/**
 * The compose keys rules name in their messages, as the flags a command writes (docker/cli's flag for each
 * compose-spec key): "`enable_ipv6` fails on Windows" reads "`--ipv6` fails on Windows" under a docker command.
 */
const FLAG_OF_KEY: Record<string, string> = {
  enable_ipv6: '--ipv6',
  enable_ipv4: '--ipv4',
  ipv4_address: '--ip',
  ipv6_address: '--ip6',
  dns_opt: '--dns-option',
  dns_search: '--dns-search',
  dns: '--dns',
  extra_hosts: '--add-host',
  mac_address: '--mac-address',
  links: '--link',
  network_mode: '--network',
  driver_opts: '-o',
  ip_range: '--ip-range',
  aux_addresses: '--aux-address',
  internal: '--internal',
  attachable: '--attachable',
  isolation: '--isolation',
  driver: '-d',
  ports: '-p',
  privileged: '--privileged',
  cap_add: '--cap-add',
  sysctls: '--sysctl',
  hostname: '--hostname',
  domainname: '--domainname',
  aliases: '--network-alias',
  'ipam.driver': '--ipam-driver',
  'ipam.options': '--ipam-opt',
};
const KEY_IN_BACKTICKS = new RegExp(
  `\`(${Object.keys(FLAG_OF_KEY)
    .map((k) => k.replace('.', '\\.'))
    .join('|')})(?::\\s*([^\`]*))?\``,
  'g',
);

/** The message with compose keys written as the flags of the command (`enable_ipv6: true` → `--ipv6`). */
function commandWording(message: string): string {
  return message
    .replace(KEY_IN_BACKTICKS, (_, key: string, value: string | undefined) => {
      const flag = FLAG_OF_KEY[key];
      if (!value || value === 'true') return `\`${flag}\``;
      return `\`${flag} ${value}\``;
    })
    .replace(/\bService `/g, 'Container `')
    .replace(/\bservice `/g, 'container `');
}

/** How engine/check.ts checks a script-like file; undefined when it holds no docker command winnet reads. */
export function scriptPlan(doc: ParsedDocument, setting: TargetSetting | undefined): ScriptPlan | undefined {
  const read = dockerCommandsOf(doc);
  // `docker compose -f ...` names files to check (composeSetsOf); it creates no network or container itself.
  const commands = read.commands.filter((c) => c.kind !== 'compose');
  const windows = read.windows;
  const tree = composeTreeOf(commands, doc.text);
  if (!tree) return undefined;
  const words: Span[] = commands.flatMap((c) => c.line.words.map((w) => w.span));
  const flags = commands.flatMap((c) => c.flags);
  // A fix written for YAML (removing a list item or a key's lines, adding quotes) is no edit of a command line; one
  // that replaces characters inside one shell word (`NAT` → `nat`, `127.0.0.1:8080:80` → `8080:80`) is the same.
  const inOneWord = (span: Span, newText: string) => !/[\r\n"'`^]/.test(newText) && words.some((w) => span.start >= w.start && span.end <= w.end);
  return {
    doc: { ...doc, kind: 'compose', root: tree.root, errors: [] },
    commands,
    target: setting && setting !== 'auto' ? setting : windows ? 'windows' : 'auto',
    rules: /\.(md|markdown)$/i.test(doc.path) ? MARKDOWN_RULES : SCRIPT_RULES,
    adapt(finding) {
      finding.message = commandWording(finding.message);
      const removes = REMOVES_THE_OPTION.has(finding.rule);
      const kept = finding.fixes.filter((fix) => fix.edits.every((e) => inOneWord(e.span, e.newText)));
      // The YAML fix removed the key or item the finding is on: on the command line, remove that flag and its value.
      const use =
        removes && !kept.length ? flags.find((f) => overlaps(f.flag.span, finding.span) || (f.value && overlaps(f.value.span, finding.span))) : undefined;
      if (use) {
        const end = use.value && use.value.span.end > use.flag.span.end ? use.value.span.end : use.flag.span.end;
        let stop = end;
        while (stop < doc.text.length && (doc.text[stop] === ' ' || doc.text[stop] === '\t')) stop++;
        const span = { start: use.flag.span.start, end: stop };
        const written = doc.text.slice(use.flag.span.start, end);
        kept.push({ title: `Remove \`${written}\``, preferred: false, edits: [{ span, range: doc.lines.rangeOf(span), newText: '' }] });
      }
      finding.fixes = kept;
    },
  };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The compose files a `docker compose -f a.yml -f b.yml ...` line of a script runs, as written there. */
export interface ScriptComposeSet {
  files: string[];
  projectDirectory?: string;
  envFiles: string[];
}

/**
 * The compose file sets the script's `docker compose` / `docker-compose` lines name with `-f`, so the CLI can check
 * each as the project it is. A line whose files come from variables is skipped; one without `-f` runs the folder's
 * default files, which are checked anyway.
 */
export function composeSetsOf(doc: ParsedDocument): ScriptComposeSet[] {
  const sets: ScriptComposeSet[] = [];
  for (const c of dockerCommandsOf(doc).commands) {
    if (c.kind !== 'compose') continue;
    const values = (name: string) => c.flags.filter((f) => f.name === name && f.value).map((f) => f.value!);
    const files = values('file');
    if (!files.length || files.some((f) => !f.literal)) continue;
    const directory = values('project-directory').at(-1);
    sets.push({
      files: files.map((f) => f.value),
      projectDirectory: directory?.literal ? directory.value : undefined,
      envFiles: values('env-file')
        .filter((f) => f.literal)
        .map((f) => f.value),
    });
  }
  return sets;
}
