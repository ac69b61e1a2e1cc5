import { maskVariables } from '../../compose/interpolation';
import type { ServiceModel } from '../../compose/model';
import type { ParsedDocument } from '../../documents/document';
import type { Span } from '../../documents/text';
import { asScalar, get, items, pairs, type ScalarNode } from '../../documents/tree';
import type { Rule, RuleContext } from '../types';
import { spanWithin } from './support/helpers';

/** The variables HTTP clients read for a proxy (any case: Windows environment variable names are case-insensitive). */
const PROXY_VARIABLE = /^(https?|all)_proxy$/i;

/** Every environment entry of every service is asked: a length and suffix test first keeps that cheap. */
function isProxyVariable(name: string): boolean {
  return name.length >= 9 && name.length <= 11 && name.slice(-6).toLowerCase() === '_proxy' && PROXY_VARIABLE.test(name);
}

/**
 * Which Windows programs read the proxy variables is the programs' own documentation: .NET (Core) HttpClient reads
 * them on Windows (HttpClient.DefaultProxy), .NET Framework's WebRequest, which Windows PowerShell 5.1's
 * Invoke-WebRequest uses, reads app.config or the Internet Options instead (WebRequest.DefaultWebProxy); Go reads them
 * (net/http ProxyFromEnvironment), curl too (libcurl-env; `http_proxy` is lower case only, but Windows matches
 * variable names ignoring case), Node.js only with NODE_USE_ENV_PROXY=1. Users hit it in docker/for-win#1633,
 * #1319 and #3475. A loopback proxy address inside a container is the container's own loopback.
 */
export const proxyEnvironmentRule: Rule = {
  meta: {
    id: 'proxy-environment',
    title: 'Proxy environment variables in a Windows container',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "`HTTP_PROXY`, `HTTPS_PROXY` and `ALL_PROXY` reach only the programs that read them. In a Windows container that is .NET (Core and 5+, so PowerShell 7), Go programs and curl, and Node.js only when started with `NODE_USE_ENV_PROXY=1`. Windows PowerShell 5.1 (`Invoke-WebRequest`) and other .NET Framework programs take their proxy from the application's config file or the Internet Options instead, so with only these variables they try to connect directly and time out where a proxy is required (docker/for-win#1633). That is information. A proxy at `127.0.0.1`, `localhost` or `::1` is a warning: inside the container the loopback address is the container itself, not the Windows host where the proxy runs.",
    remedy:
      "For Windows PowerShell 5.1 and .NET Framework programs, configure the proxy where they read it: the application's `<defaultProxy>` configuration, or `-Proxy` on each `Invoke-WebRequest`. For a proxy on the host, use an address of the host that the container can reach (the host's LAN address, or the gateway of the container's `nat` network) and let the proxy listen on it; `host.docker.internal` does not resolve reliably in Windows containers.",
    caveat:
      "Only the compose file is read: variables from `env_file` or from the Docker client's `proxies` setting are not seen. Which tools a given image runs is unknown, so the first finding is information. `netsh winhttp set proxy` in the image is reported to work on some Windows versions and not on others (docker/for-win#3475).",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    environment:\n      HTTPS_PROXY: http://proxy.corp.example:3128\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    environment:\n      API_URL: http://api.corp.example\n',
    },
    symptoms: [
      'HTTP_PROXY is ignored in the Windows container',
      'the proxy does not work in Windows containers',
      'Invoke-WebRequest ignores HTTPS_PROXY in the container',
    ],
    sources: [
      'https://github.com/docker/for-win/issues/1633',
      'https://github.com/docker/for-win/issues/1319',
      'https://github.com/docker/for-win/issues/3475',
      'https://learn.microsoft.com/dotnet/api/system.net.http.httpclient.defaultproxy',
      'https://learn.microsoft.com/dotnet/api/system.net.webrequest.defaultwebproxy',
      'https://pkg.go.dev/net/http#ProxyFromEnvironment',
      'https://nodejs.org/api/http.html#built-in-proxy-support',
      'https://curl.se/libcurl/c/libcurl-env.html',
      'https://github.com/docker/docs/pull/25804',
    ],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const variables = proxyVariables(ctx.doc, service);
      const first = variables.find((v) => v.value !== '');
      if (!first) continue;
      const names = [...new Set(variables.filter((v) => v.value !== '').map((v) => `\`${v.name}\``))];
      ctx.report({
        span: first.keySpan,
        message: `${names.join(', ')} in \`${service.name}\` ${names.length === 1 ? 'reaches' : 'reach'} only the programs that read them (.NET 5+ and PowerShell 7, Go, curl; Node.js only with \`NODE_USE_ENV_PROXY=1\`): Windows PowerShell 5.1 \`Invoke-WebRequest\` and .NET Framework programs ignore them and connect directly. Configure the proxy for those where they read it (app config, \`-Proxy\`).`,
      });
      for (const variable of variables) reportLoopback(ctx, service, variable);
    }
  },
};

interface ProxyVariable {
  name: string;
  /** The value as written; undefined when taken from the shell (`- HTTP_PROXY`, `HTTP_PROXY:`), '' when emptied. */
  value: string | undefined;
  keySpan: Span;
  node?: ScalarNode;
  /** Where the value starts in the scalar's value (after `NAME=` in the list form). */
  offset: number;
}

function proxyVariables(doc: ParsedDocument, service: ServiceModel): ProxyVariable[] {
  const env = get(service.node, 'environment');
  const found: ProxyVariable[] = [];
  for (const item of items(env)) {
    const entry = asScalar(item);
    if (typeof entry?.value !== 'string') continue;
    const eq = entry.value.indexOf('=');
    const name = eq < 0 ? entry.value : entry.value.slice(0, eq);
    if (!isProxyVariable(name)) continue;
    found.push({ name, value: eq < 0 ? undefined : entry.value.slice(eq + 1), keySpan: spanWithin(doc, entry, 0, name.length), node: entry, offset: eq + 1 });
  }
  for (const pair of pairs(env)) {
    const name = String(pair.key.value);
    if (!isProxyVariable(name)) continue;
    const value = asScalar(pair.value);
    found.push({
      name,
      value: value?.value === null || value === undefined ? undefined : String(value.value),
      keySpan: { start: pair.key.start, end: pair.key.end },
      node: value,
      offset: 0,
    });
  }
  return found;
}

/** `[scheme://][user@]host[:port]`: the host, with its offset in the value. */
function proxyHost(value: string): { host: string; at: number } | undefined {
  const masked = maskVariables(value);
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/\s]+)/i.exec(masked);
  if (!m || m[1].includes('\0')) return undefined;
  return { host: m[1], at: m[0].length - m[1].length };
}

function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function reportLoopback(ctx: RuleContext, service: ServiceModel, variable: ProxyVariable): void {
  if (!variable.value || !variable.node) return;
  const host = proxyHost(variable.value);
  if (!host || !isLoopback(host.host)) return;
  ctx.report({
    span: spanWithin(ctx.doc, variable.node, variable.offset + host.at, host.host.length),
    severity: 'warning',
    message: `\`${variable.name}\` in \`${service.name}\` points at \`${host.host}\`, which inside the container is the container itself, not the Windows host: the proxy is unreachable. Use an address of the host that the container can reach (its LAN address, or the gateway of its \`nat\` network), and let the proxy listen there.`,
  });
}
