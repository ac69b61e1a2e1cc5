/**
 * Port mappings as compose reads them: the short syntax `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[/PROTOCOL]`
 * (IPv6 host IPs in brackets) and the long syntax `{target, published, host_ip, protocol, mode}`. Each part
 * keeps its span, so a finding can underline just the host IP or the protocol.
 */
import { asMap, asScalar, get, getPair, type Node, type Pair, type ScalarNode } from '../documents/tree';
import type { Span } from '../documents/text';
import { isInterpolated, maskVariables } from './interpolation';

export interface PortPart {
  text: string;
  span: Span;
  /** True when the part holds a variable (compose/interpolation.ts): compose substitutes it, so its value is unknown. */
  byVariable?: true;
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
  const part: PortPart = { text: String(node.value), span: { start: node.start, end: node.end } };
  if (isInterpolated(node.value)) part.byVariable = true;
  return part;
}

/**
 * Parsed ports by node, with the offset the node had then: four rules read every port of a check, and an edit
 * re-parses one entry while every other node stays (moved, when the edit changed the length: then the node's
 * offset differs and the spans are recomputed). Callers share the result and must not change it.
 */
const PARSED = new WeakMap<Node, { start: number; mapping: PortMapping | undefined }>();

export function parsePort(node: Node): PortMapping | undefined {
  const cached = PARSED.get(node);
  if (cached && cached.start === node.start) return cached.mapping;
  const mapping = readPort(node);
  PARSED.set(node, { start: node.start, mapping });
  return mapping;
}

function readPort(node: Node): PortMapping | undefined {
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
  // Offsets inside the scalar map to the text only when it was written as-is: plain or quoted on one line with
  // no escapes, which is when the written length equals the value's length.
  const written = scalar.end - scalar.start;
  const inner =
    scalar.style === 'plain' && written === text.length
      ? scalar.start
      : (scalar.style === 'single' || scalar.style === 'double') && written === text.length + 2
        ? scalar.start + 1
        : -1;
  // Split with each variable masked, so `${IP:-127.0.0.1}:80:80` splits at the colons compose sees after it
  // substituted a one-part value; a part that holds a variable is marked unknown.
  const masked = text.includes('$') ? maskVariables(text) : text;
  const at = (from: number, to: number): PortPart => {
    const part: PortPart = {
      text: text.slice(from, to),
      span: inner >= 0 ? { start: inner + from, end: inner + to } : { start: scalar.start, end: scalar.end },
    };
    if (masked !== text && masked.slice(from, to).includes('\0')) part.byVariable = true;
    return part;
  };
  const mapping: PortMapping = { node, long: false };
  let body = masked;
  const slash = body.lastIndexOf('/');
  if (slash !== -1) {
    mapping.protocol = at(slash + 1, body.length);
    body = body.slice(0, slash);
  }
  // As compose (docker/go-connections `splitParts`) reads it: the last part is the container port, the one
  // before it the host port, and everything before those the host IP, so an IPv6 address needs no brackets
  // (`::1:80:80`); brackets around it (`[::1]:80:80`) are stripped.
  const parts = body.split(':');
  const n = parts.length;
  const targetStart = body.length - parts[n - 1].length;
  mapping.target = at(targetStart, body.length);
  if (n >= 2) {
    const publishedStart = targetStart - 1 - parts[n - 2].length;
    if (parts[n - 2]) mapping.published = at(publishedStart, targetStart - 1);
    if (n >= 3) {
      const ipEnd = publishedStart - 1;
      const bracketed = body.startsWith('[') && body[ipEnd - 1] === ']';
      mapping.hostIp = bracketed ? at(1, ipEnd - 1) : at(0, ipEnd);
    }
  }
  return mapping;
}

/** True for a host IP that means "all addresses", which Windows accepts. */
export function isUnspecifiedIp(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::';
}
