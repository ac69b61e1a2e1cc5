/**
 * How compose merges a key that two files both write, and which lists it deduplicates, path by path, as
 * compose-go does it (compose-spec/compose-go `override/merge.go` mergeSpecials and `override/uncity.go`
 * unique, at e70e961c). Paths name services, networks and volumes with `*`.
 *
 * compose-go deduplicates after every file is merged, the first one too, and only then validates the schema
 * (`loader/loader.go`: Merge, EnforceUnicity, then schema.Validate): a repeated `KEY=value` label or DNS server
 * is never a schema error, while a repeated `security_opt` item is.
 */
import { asMap, asScalar, get, scalarText, type Node } from '../documents/tree';
import { parsePort } from './ports';
import { splitVolumeSpec } from './volumes';

/** Lists whose items are `key=value` strings (or a mapping, turned into them); both forms merge into one list. */
export const KEY_VALUE_LISTS = [
  'services.*.annotations',
  'services.*.labels',
  'services.*.environment',
  'services.*.sysctls',
  'services.*.dns',
  'services.*.dns_search',
  'services.*.dns_opt',
  'services.*.env_file',
  'services.*.tmpfs',
  'services.*.label_file',
  'services.*.build.args',
  'services.*.build.labels',
  'services.*.build.additional_contexts',
  'services.*.deploy.labels',
  'networks.*.labels',
  'volumes.*.labels',
];

/** Sequences the override replaces. */
export const REPLACED = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test'];

/** What the text before the first `=` names (the whole item without one). */
const keyValue = (item: Node): string | undefined => {
  const text = scalarText(item);
  return text === undefined ? undefined : text.split('=')[0];
};

/** The container path of a mount, as compose-go's volumeIndexer and mountIndexer read it. */
const volumeTarget = (item: Node): string | undefined => {
  const map = asMap(item);
  if (map) return scalarText(get(map, 'target'));
  const text = scalarText(item);
  if (text === undefined) return undefined;
  const parts = splitVolumeSpec(text);
  return parts.length >= 2 ? parts[1] : parts[0];
};

const mountTarget =
  (prefix: string) =>
  (item: Node): string | undefined => {
    const map = asMap(item);
    if (map) return scalarText(get(map, 'target')) ?? `${prefix}/${scalarText(get(map, 'source')) ?? ''}`;
    const text = scalarText(item);
    return text === undefined ? undefined : `${prefix}/${text}`;
  };

const deviceTarget = (item: Node): string | undefined => {
  const map = asMap(item);
  if (map) return scalarText(get(map, 'target'));
  const parts = (scalarText(item) ?? '').split(':');
  return parts.length >= 2 ? parts[1] : parts[0];
};

const portKey = (item: Node): string | undefined => {
  const p = parsePort(item);
  return p ? `${p.hostIp?.text || '0.0.0.0'}|${p.published?.text ?? ''}|${p.target?.text ?? ''}|${(p.protocol?.text ?? 'tcp').toLowerCase()}` : undefined;
};

const exposeKey = (item: Node): string | undefined => {
  const value = asScalar(item)?.value;
  return value === null || value === undefined ? undefined : String(value);
};

const envFileKey = (item: Node): string | undefined => scalarText(get(asMap(item), 'path')) ?? scalarText(item);

/**
 * Lists compose deduplicates, with the key of an item: a later item with the same key replaces the earlier one,
 * at the earlier one's place (compose-go `override/uncity.go` enforceUnicity). Lists not named here keep every
 * item, and the schema's `uniqueItems` refuses exact repeats.
 */
export const UNIQUE_BY: Record<string, (item: Node) => string | undefined> = {
  'networks.*.labels': keyValue,
  'services.*.annotations': keyValue,
  'services.*.build.args': keyValue,
  'services.*.build.additional_contexts': keyValue,
  'services.*.build.labels': keyValue,
  'services.*.cap_add': keyValue,
  'services.*.cap_drop': keyValue,
  'services.*.configs': mountTarget(''),
  'services.*.deploy.labels': keyValue,
  'services.*.dns': keyValue,
  'services.*.dns_opt': keyValue,
  'services.*.dns_search': keyValue,
  'services.*.env_file': envFileKey,
  'services.*.environment': keyValue,
  'services.*.expose': exposeKey,
  'services.*.labels': keyValue,
  'services.*.links': keyValue,
  'services.*.networks.*.aliases': keyValue,
  'services.*.networks.*.link_local_ips': keyValue,
  'services.*.ports': portKey,
  'services.*.profiles': keyValue,
  'services.*.secrets': mountTarget('/run/secrets'),
  'services.*.sysctls': keyValue,
  'services.*.tmpfs': keyValue,
  'services.*.volumes': volumeTarget,
  'services.*.devices': deviceTarget,
};

/** The path with the names of services, networks and volumes (and a service's networks) as `*`. */
export function pathPattern(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => {
      if (i === 1 && ['services', 'networks', 'volumes', 'secrets', 'configs'].includes(String(path[0]))) return '*';
      if (i === 3 && path[0] === 'services' && path[2] === 'networks') return '*';
      return String(p);
    })
    .join('.');
}
