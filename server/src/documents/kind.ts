/**
 * What a document is, decided by name first and content second: compose, legacy HNS v1 JSON, HCN v2 JSON, a
 * Windows CNI config, or not ours (no findings at all, so winnet stays silent in every other YAML/JSON file).
 */
import { asMap, asScalar, asSeq, get, items, pairs, type Node } from './tree';

/**
 * `dotenv`: the env file a compose project reads its variables from (`.env`, `*.env`); checked with its project.
 * `script`: a file that may hold `docker` commands (PowerShell, batch, shell scripts, Markdown, CI workflows).
 */
export type DocumentKind = 'compose' | 'hns-v1' | 'hcn-v2' | 'cni' | 'dotenv' | 'script' | 'none';
export type Language = 'yaml' | 'json';

// `docker-stack.yml` and its variants are compose files written for `docker stack deploy` (Docker's swarm docs name them so).
const COMPOSE_NAME = /(^|[\\/])((docker-)?compose|docker-stack)([.-][^\\/]*)?\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const CNI_NAME = /\.(conflist|conf)$/i;

export function languageOf(path: string, text: string): Language {
  if (YAML_NAME.test(path)) return 'yaml';
  if (/\.(json|jsonc|conf|conflist)$/i.test(path)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** An env file by its name: `.env`, or `<name>.env` (what `--env-file` and `env_file:` usually name). */
export function isEnvFileName(path: string): boolean {
  return /(^|[\\/])[^\\/]*\.env$/i.test(path);
}

/** Scripts and documents whose shell commands winnet reads (server/src/scripts/blocks.ts decides which parts). */
const SCRIPT_NAME = /\.(ps1|psm1|psd1|cmd|bat|sh|bash|md|markdown)$/i;
/** CI files whose steps run shell commands: GitHub Actions workflows, Azure Pipelines, GitLab CI. */
const CI_NAME = /((^|[\\/])\.github[\\/]workflows[\\/][^\\/]+|(^|[\\/])azure-pipelines[^\\/]*|(^|[\\/])\.gitlab-ci)\.ya?ml$/i;

/** A script or document that may hold `docker` commands, by its name. */
export function isScriptName(path: string): boolean {
  return SCRIPT_NAME.test(path);
}

/** A CI file (YAML) whose steps may run `docker` commands. */
export function isCiName(path: string): boolean {
  return CI_NAME.test(path);
}

/** True when the file name alone says compose (`compose.yaml`, `docker-compose.override.yml`, `docker-stack.yml`, ...). */
export function isComposeName(path: string): boolean {
  return COMPOSE_NAME.test(path);
}

const COMPOSE_TOP_LEVEL = new Set(['services', 'networks', 'include', 'volumes', 'configs', 'secrets', 'name', 'version', 'x-']);
const HCN_V2_KEYS = ['SchemaVersion', 'Ipams', 'HostComputeNetwork', 'IpConfigurations', 'HostComputeEndpoints', 'FrontendVIPs', 'NamespaceId'];
const HNS_V1_KEYS = ['VirtualNetwork', 'VirtualNetworkName', 'NetworkAdapterName', 'DNSServerList', 'Subnets', 'MacPools', 'IPAddress', 'References'];

/**
 * `text` is read only for YAML that does not parse (no `root`): its top-level keys are then taken from the lines
 * that start with a plain key, so a `docker-stack.yml` or a `-f windows.yml` with a syntax error is still known
 * as compose and gets its syntax finding, where it would otherwise be silently skipped as not ours.
 */
export function detectKind(path: string, language: Language, root: Node | undefined, text?: string): DocumentKind {
  if (language === 'yaml') {
    if (isComposeName(path)) return 'compose';
    const top = asMap(root);
    const keys = top ? top.pairs.map((p) => String(p.key.value)) : root === undefined && text !== undefined ? topLevelKeyLines(text) : [];
    if (keys.some((key) => key === 'services' || key === 'networks' || key === 'include')) {
      return keys.every((key) => COMPOSE_TOP_LEVEL.has(key) || key.startsWith('x-')) ? 'compose' : 'none';
    }
    return 'none';
  }
  const first = asMap(root) ?? asMap(asSeq(root)?.items[0]);
  if (!first) return 'none';
  // A CNI config is ours only when it is a Windows one: a Linux bridge, Calico or flannel conflist is not.
  if (get(first, 'cniVersion') !== undefined || (CNI_NAME.test(path) && (get(first, 'plugins') || get(first, 'type')))) {
    return isWindowsCni(first, 0) ? 'cni' : 'none';
  }
  const keys = new Set(pairs(first).map((p) => String(p.key.value)));
  // Get-HnsPolicyList output names endpoints by HostComputeNetwork yet is v1; v2 policies carry Settings.
  if (keys.has('References')) return 'hns-v1';
  if (HCN_V2_KEYS.some((k) => keys.has(k))) return 'hcn-v2';
  if (asSeq(get(first, 'Policies'))?.items.some((p) => get(p, 'Settings') !== undefined)) return 'hcn-v2';
  if (HNS_V1_KEYS.some((k) => keys.has(k))) return 'hns-v1';
  // A bare policy or a network with only Type/Name: v2 policies carry Settings, v1 policies are flat.
  if (keys.has('Type') && keys.has('Settings')) return 'hcn-v2';
  if (keys.has('Type') && (keys.has('Name') || keys.has('Policies'))) return 'hns-v1';
  return 'none';
}

/**
 * CNI plugin binaries that exist only on Windows: microsoft/windows-container-networking (`sdnbridge`,
 * `sdnoverlay`, `nat`, `l2tunnel`), containernetworking/plugins `plugins/main/windows` (`win-bridge`,
 * `win-overlay`) and microsoft/SDN's `wincni.exe`. Plugins that run on both systems (`calico`, `azure-vnet`,
 * `flannel`) say Windows only through the HNS policies they carry.
 */
const WINDOWS_CNI_PLUGINS: ReadonlySet<string> = new Set(['sdnbridge', 'sdnoverlay', 'nat', 'l2tunnel', 'win-bridge', 'win-overlay', 'wincni', 'wincni.exe']);

/** The value of `key` matched as Go's encoding/json matches it (the plugins read their config with it): any case. */
function ciGet(node: Node | undefined, key: string): Node | undefined {
  const lower = key.toLowerCase();
  const all = pairs(node);
  for (let i = all.length - 1; i >= 0; i--) if (String(all[i].key.value).toLowerCase() === lower) return all[i].value;
  return undefined;
}

/**
 * An HNS policy as CNI plugins embed it: `{"name": "EndpointPolicy", "value": {"Type": ...}}` (containernetworking
 * `pkg/hns`, Calico, which reads its config through that package) or `{"Name": ..., "Value": ...}` under
 * `AdditionalArgs` (windows-container-networking, Azure CNI `GetPoliciesFromNwCfg`): every reader takes entries
 * whose name contains "Policy".
 */
function isHnsPolicyEntry(entry: Node): boolean {
  const name = asScalar(ciGet(entry, 'name'))?.value;
  return typeof name === 'string' && /policy/i.test(name) && ciGet(ciGet(entry, 'value'), 'type') !== undefined;
}

/** A Windows plugin, or HNS policies, in the config, its `plugins` or its (flannel) `delegate`. */
function isWindowsCni(node: Node | undefined, depth: number): boolean {
  if (!asMap(node) || depth > 4) return false;
  for (const pair of pairs(node)) {
    const key = String(pair.key.value).toLowerCase();
    if (key === 'type') {
      const type = asScalar(pair.value)?.value;
      if (typeof type === 'string' && WINDOWS_CNI_PLUGINS.has(type.toLowerCase())) return true;
    } else if (key === 'policies' || key === 'additionalargs') {
      if (items(pair.value).some(isHnsPolicyEntry)) return true;
    } else if (key === 'plugins') {
      if (items(pair.value).some((p) => isWindowsCni(p, depth + 1))) return true;
    } else if (key === 'delegate' && isWindowsCni(pair.value, depth + 1)) return true;
  }
  return false;
}

/** Plain keys written at the start of a line (`services:`, `x-base: &b`), in a YAML text that may not parse. */
function topLevelKeyLines(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/^\ufeff?([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t\r\n]|$)/gm)) keys.push(m[1]);
  return keys;
}
