/** The adversarial documents, shared by adversarial.test.ts and the timed run in scripts/fuzz.ts. */

const WINDOWS_IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export const ADVERSARIAL = {
  /** Billion laughs: nine levels of nine aliases each (9^9 leaves if expanded), used where rules read lists. */
  aliasBomb(): string {
    let text = 'x-a: &a ["lol", "host.docker.internal:host-gateway", "ndots:2", "127.0.0.1:80:80", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 9; i++)
      text += `x-${LETTERS[i]}: &${LETTERS[i]} [${Array(9)
        .fill(`*${LETTERS[i - 1]}`)
        .join(', ')}]\n`;
    text += `services:\n  web:\n    image: ${WINDOWS_IMAGE}\n    networks: *i\n    extra_hosts: *i\n    dns_opt: *i\n    ports: *i\n    links: *i\n`;
    return text;
  },

  /** Each anchor merges the previous one nine times, `levels` deep; a service and a network merge the last. */
  mergeBomb(levels: number): string {
    let text = 'x-a: &a {network_mode: host, driver: bridge}\n';
    for (let i = 1; i < levels; i++)
      text += `x-${LETTERS[i]}: &${LETTERS[i]} {<<: [${Array(9)
        .fill(`*${LETTERS[i - 1]}`)
        .join(', ')}]}\n`;
    const last = LETTERS[levels - 1];
    return `${text}services:\n  web:\n    image: ${WINDOWS_IMAGE}\n    <<: *${last}\nnetworks:\n  n1:\n    <<: *${last}\n`;
  },

  deepYamlFlowSeq: (depth: number) => `services:\n  web:\n    ports: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
  deepYamlFlowMap: (depth: number) => `services: ${'{a: '.repeat(depth)}b${'}'.repeat(depth)}\n`,
  deepYamlBlockSeq: (depth: number) => `services:\n  web:\n    ports:\n      ${'- '.repeat(depth)}x\n`,
  deepYamlIndented(depth: number): string {
    let text = 'services:\n';
    for (let i = 1; i <= depth; i++) text += `${' '.repeat(i)}k${i}:\n`;
    return text;
  },
  deepJsonArray: (depth: number) => `{"Name": "x", "Type": "NAT", "Policies": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
  deepJsonObject: (depth: number) => `${'{"VirtualNetwork": '.repeat(depth)}1${'}'.repeat(depth)}`,

  /** One line of about `size` characters: a flow-style compose file whose last port binds a host IP. */
  longLineCompose(size: number): string {
    const filler = Array.from({ length: Math.ceil(size / 10) }, (_, i) => `"${8000 + (i % 1000)}:80"`).join(', ');
    return `{services: {web: {image: "${WINDOWS_IMAGE}", ports: [${filler}, "127.0.0.1:8080:80"]}}}`;
  },

  /** One line of about `size` characters of minified HNS v1 JSON. */
  longLineJson(size: number): string {
    const policy = JSON.stringify({ Type: 'ROUTE', DestinationPrefix: '10.96.0.0/12', NeedEncap: true });
    const n = Math.ceil(size / (policy.length + 1));
    return `{"Name":"nat","Type":"NAT","Subnets":[{"AddressPrefix":"10.0.0.0/24"}],"Policies":[${Array(n).fill(policy).join(',')}]}`;
  },

  /** A published port made of `count` compose variables (masked one by one, it once cost quadratic time). */
  variablePort: (count: number) => `services:\n  web:\n    image: ${WINDOWS_IMAGE}\n    ports:\n      - "${'${A}'.repeat(count)}:80"\n`,

  /** A line of `count` no-break spaces, with a key after them or not (a regular expression once backtracked on it). */
  noBreakSpaceLine: (count: number, key: boolean) => `services:\n  web:\n    image: ${WINDOWS_IMAGE}\n${'\u00a0'.repeat(count)}${key ? 'x: 1' : ''}\n`,

  mixedLineEndings(): string {
    return ['# mixed', 'services:', '  web:', `    image: ${WINDOWS_IMAGE}`, '    ports:', '      - "127.0.0.1:8080:80"', '    network_mode: bridge', '']
      .map((l, i) => l + ['\r\n', '\n', '\r\n', '\r', '\n', '\r\n', '\n', ''][i])
      .join('');
  },

  hugeNumbers(): string {
    return [
      'services:',
      '  web:',
      `    image: ${WINDOWS_IMAGE}`,
      '    ports: [99999999999999999999, "99999999999999999999:80", 1e400, .inf, .nan, -0]',
      'networks:',
      '  lan:',
      '    driver: transparent',
      '    driver_opts:',
      '      com.docker.network.windowsshim.vlanid: 99999999999999999999',
      '      com.docker.network.windowsshim.vsid: 1e400',
      '',
    ].join('\n');
  },

  manyServices(n: number): string {
    let text = 'services:\n';
    for (let i = 0; i < n; i++) text += `  s${i}:\n    image: ${WINDOWS_IMAGE}\n    ports: ["127.0.0.1:${8000 + (i % 1000)}:80"]\n`;
    return text;
  },

  /** Just over the language server's 10 MB limit. */
  overServerLimit(): string {
    const line = `x-pad: "${'a'.repeat(1000)}"\n`;
    return line.repeat(Math.ceil((10 * 1024 * 1024 + 1) / line.length));
  },

  /** A valid 50 MB compose text: a service, then 50,000 extension fields of 1 KB each. */
  fiftyMegabytes(): string {
    const filler = 'a'.repeat(1000);
    const lines: string[] = [`services:\n  web:\n    image: ${WINDOWS_IMAGE}\n    network_mode: bridge\n`];
    for (let i = 0, size = 0; size < 50 * 1024 * 1024; i++) {
      const line = `x-pad-${i}: "${filler}"\n`;
      lines.push(line);
      size += line.length;
    }
    return lines.join('');
  },
};
