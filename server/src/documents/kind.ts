/**
 * What a document is, decided by name first and content second: compose, legacy HNS v1 JSON, HCN v2 JSON, a
 * Windows CNI config, or not ours (no findings at all, so winnet stays silent in every other YAML/JSON file).
 */
import { asMap, asSeq, get, pairs, type Node } from './tree';

export type DocumentKind = 'compose' | 'hns-v1' | 'hcn-v2' | 'cni' | 'none';
export type Language = 'yaml' | 'json';

const COMPOSE_NAME = /(^|[\\/])(docker-)?compose([.-][^\\/]*)?\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const CNI_NAME = /\.(conflist|conf)$/i;

export function languageOf(path: string, text: string): Language {
  if (YAML_NAME.test(path)) return 'yaml';
  if (/\.(json|jsonc|conf|conflist)$/i.test(path)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** True when the file name alone says compose (`compose.yaml`, `docker-compose.override.yml`, ...). */
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
  if (get(first, 'cniVersion') !== undefined || (CNI_NAME.test(path) && (get(first, 'plugins') || get(first, 'type')))) return 'cni';
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

/** Plain keys written at the start of a line (`services:`, `x-base: &b`), in a YAML text that may not parse. */
function topLevelKeyLines(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/^\ufeff?([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t\r\n]|$)/gm)) keys.push(m[1]);
  return keys;
}
