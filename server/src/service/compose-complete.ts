/**
 * Completion in compose files, only where Windows networking is the question: network drivers after
 * `driver:`, windowsshim option names and values in `driver_opts`, `isolation` and `network_mode` values, IPAM
 * drivers. Context comes from indentation (yamlContext), since the text being typed rarely parses.
 */
import { FEATURES, LEVEL_MARK, supportOf, WINDOWS_DRIVERS } from '../knowledge/drivers';
import { versionName, type WindowsVersion } from '../knowledge/versions';
import { DRIVER_OPTIONS } from '../knowledge/windowsshim';
import { yamlContext } from './locate';
import type { CompletionItem } from './completion-item';

export interface CompletionContext {
  windowsVersion: WindowsVersion;
  /** Names of the services in the file, for `network_mode: service:<name>`. */
  serviceNames: string[];
}

const DRIVER_ORDER = ['nat', 'transparent', 'l2bridge', 'overlay', 'l2tunnel', 'ics', 'internal', 'private', 'null'];

export function composeCompletions(text: string, offset: number, ctx: CompletionContext): CompletionItem[] {
  const c = yamlContext(text, offset);
  const replace = { start: c.prefixStart, end: offset };
  const parents = c.parents;
  const under = (...suffix: string[]) =>
    parents.length >= suffix.length && suffix.every((s, i) => s === '*' || parents[parents.length - suffix.length + i] === s);

  if (c.key === 'driver' && parents.length === 2 && parents[0] === 'networks') return driverItems(replace, ctx);
  if (c.key === 'driver' && parents.length === 3 && parents[0] === 'networks' && parents[2] === 'ipam') {
    return ['default', 'windows', 'null'].map((label, i) => ({
      label,
      kind: 'enum',
      detail: label === 'default' ? 'mapped to `windows` on Windows' : 'built into Windows',
      replace,
      sortText: String(i),
    }));
  }
  if (under('driver_opts') && c.inKey) return optionNameItems(replace, parents[0] === 'services' ? 'endpoint' : 'network', 'yaml');
  if (under('driver_opts') && c.key) return optionValueItems(c.key, replace);
  if (parents.length === 2 && parents[0] === 'services' && c.key === 'isolation') return isolationItems(replace);
  if (parents.length === 2 && parents[0] === 'services' && c.key === 'network_mode') {
    return [
      { label: 'nat', detail: 'the default Windows NAT network' },
      { label: 'none', detail: 'no networking' },
      ...ctx.serviceNames
        .filter((n) => n !== parents[1])
        .map((n) => ({ label: `service:${n}`, detail: "share that service's network stack (process isolation only)" })),
    ].map((item, i) => ({ ...item, kind: 'enum' as const, replace, sortText: String(i) }));
  }
  return [];
}

export function driverItems(replace: CompletionItem['replace'], ctx: CompletionContext): CompletionItem[] {
  return DRIVER_ORDER.map((name, i) => {
    const driver = WINDOWS_DRIVERS[name];
    const features = (['portPublishing', 'staticIp', 'dhcp', 'serviceDiscovery', 'multiHost'] as const).flatMap((id) => {
      const s = supportOf(driver, id, ctx.windowsVersion);
      return s ? [`- ${FEATURES[id].label}: ${LEVEL_MARK[s.level]}`] : [];
    });
    return {
      label: name,
      kind: 'module' as const,
      detail: `${driver.scope === 'none' ? 'no network' : driver.scope}${driver.documented ? '' : ', undocumented'}`,
      documentation: [driver.summary, '', ...(features.length ? [`On ${versionName(ctx.windowsVersion)}:`, ...features] : [])].join('\n'),
      replace,
      sortText: String(i).padStart(2, '0'),
      preselect: name === 'nat',
    };
  });
}

/** `isolation` values, in compose (`isolation:`) and on the command line (`--isolation`). */
export function isolationItems(replace: CompletionItem['replace']): CompletionItem[] {
  return [
    { label: 'process', detail: 'shares the host kernel (Windows Server default)' },
    { label: 'hyperv', detail: 'a utility VM per container (Windows 10/11 default)' },
    { label: 'default', detail: 'the daemon default' },
  ].map((item, i) => ({ ...item, kind: 'enum' as const, replace, sortText: String(i) }));
}

/**
 * windowsshim option names, inserted as a `driver_opts` entry (`key: "value"`, a snippet) or as the argument of a
 * command's `-o` (`key=value`).
 */
export function optionNameItems(replace: CompletionItem['replace'], level: 'network' | 'endpoint', form: 'yaml' | 'flag'): CompletionItem[] {
  // Only options a user should write: supported ones at this level (internal and ignored ones are findings).
  return DRIVER_OPTIONS.filter((o) => o.status === 'supported' && (o.level ?? 'network') === level).map((o, i) => ({
    label: o.key,
    kind: 'property' as const,
    detail: o.drivers ? `for ${o.drivers.join(', ')}` : 'all Windows drivers',
    documentation: `${o.meaning}\n\nValue: ${o.valueHelp}`,
    ...(form === 'yaml'
      ? { insertText: `${o.key}: ${o.example ? o.example.replace(/^"(.*)"$/, '"${1:$1}"') : '"$1"'}`, isSnippet: true }
      : { insertText: `${o.key}=${o.example ? o.example.replace(/^"(.*)"$/, '$1') : ''}` }),
    replace,
    sortText: String(i).padStart(2, '0'),
  }));
}

function optionValueItems(key: string, replace: CompletionItem['replace']): CompletionItem[] {
  const option = DRIVER_OPTIONS.find((o) => o.key === key);
  if (!option) return [];
  if (option.value === 'bool') {
    // Quoted: compose allows only strings and numbers in driver_opts.
    return ['"true"', '"false"'].map((label, i) => ({
      label,
      kind: 'value' as const,
      detail: 'quoted: driver_opts values must be strings',
      replace,
      sortText: String(i),
    }));
  }
  return option.example ? [{ label: option.example, kind: 'value', detail: option.valueHelp, replace }] : [];
}
