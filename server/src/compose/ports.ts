/**
 * Port mappings as compose reads them: the short syntax `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[/PROTOCOL]`
 * (IPv6 host IPs in brackets) and the long syntax `{target, published, host_ip, protocol, mode}`. Each part
 * keeps its span, so a finding can underline just the host IP or the protocol.
 */
import { asMap, asScalar, get, getPair, type Node, type Pair, type ScalarNode } from '../documents/tree';
import type { Span } from '../documents/text';

export interface PortPart {
  text: string;
  span: Span;
}

export interface PortMapping {
  node: Node;
  /** Short syntax scalar, or the long-syntax mapping. */
  long: boolean;
  hostIp?: PortPart;
  /** Long syntax: the `host_ip` pair, for removal. */
  hostIpPair?: Pair;
  published?: PortPart;
  target?: PortPart;
  protocol?: PortPart;
  mode?: PortPart;
}

function partOf(node: ScalarNode | undefined): PortPart | undefined {
  if (!node || node.value === null) return undefined;
  return { text: String(node.value), span: { start: node.start, end: node.end } };
}

export function parsePort(node: Node): PortMapping | undefined {
  const map = asMap(node);
  if (map) {
    const hostIpPair = getPair(map, 'host_ip');
    return {
      node,
      long: true,
      hostIp: partOf(asScalar(hostIpPair?.value)),
      hostIpPair,
      published: partOf(asScalar(get(map, 'published'))),
      target: partOf(asScalar(get(map, 'target'))),
      protocol: partOf(asScalar(get(map, 'protocol'))),
      mode: partOf(asScalar(get(map, 'mode'))),
    };
  }
  const scalar = asScalar(node);
  if (!scalar || scalar.value === null) return undefined;
  const text = String(scalar.value);
  // Offsets inside the scalar map to the text only when it was written as-is (plain or simply quoted).
  const inner = scalar.style === 'plain' ? scalar.start : scalar.style === 'single' || scalar.style === 'double' ? scalar.start + 1 : -1;
  const at = (from: number, to: number): PortPart => ({
    text: text.slice(from, to),
    span: inner >= 0 ? { start: inner + from, end: inner + to } : { start: scalar.start, end: scalar.end },
  });
  const mapping: PortMapping = { node, long: false };
  let body = text;
  const slash = body.lastIndexOf('/');
  if (slash !== -1) {
    mapping.protocol = at(slash + 1, body.length);
    body = body.slice(0, slash);
  }
  let rest = body;
  let offset = 0;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close !== -1) {
      mapping.hostIp = at(1, close);
      offset = close + 2; // skip "]:"
      rest = rest.slice(offset);
    }
  }
  const parts = rest.split(':');
  let cursor = offset;
  const take = (part: string): PortPart => {
    const p = at(cursor, cursor + part.length);
    cursor += part.length + 1;
    return p;
  };
  if (parts.length >= 3 && !mapping.hostIp) {
    mapping.hostIp = take(parts[0]);
    const published = take(parts[1]);
    if (published.text) mapping.published = published;
    mapping.target = take(parts.slice(2).join(':'));
  } else if (parts.length === 2) {
    const published = take(parts[0]);
    if (published.text) mapping.published = published;
    mapping.target = take(parts[1]);
  } else {
    mapping.target = take(parts[0]);
  }
  return mapping;
}

/** True for a host IP that means "all addresses", which Windows accepts. */
export function isUnspecifiedIp(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::';
}
