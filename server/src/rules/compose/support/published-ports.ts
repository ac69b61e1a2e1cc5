/**
 * The host ports a compose file asks Windows to publish, one entry per host port: what several rules compare
 * (two services on one host port, ports in the dynamic range). Only what is certain is listed: a host port
 * written literally, or a range mapped onto a range of the same length (compose expands it into one binding per
 * port). A host range onto one container port lets Docker choose the port, and no host port at all means an
 * ephemeral one: neither names a port.
 */
import type { ComposeModel, ServiceModel } from '../../../compose/model';
import { parsePort, type PortMapping } from '../../../compose/ports';
import type { Span } from '../../../documents/text';
import { get, items, scalarText } from '../../../documents/tree';
import { oncePer } from '../../../util/once-per';

export interface HostPort {
  service: ServiceModel;
  mapping: PortMapping;
  port: number;
  /** `tcp` unless the mapping says otherwise (lower case, as the daemon compares it). */
  protocol: string;
  /** The host-port text of the mapping (the whole range when the port came from one). */
  span: Span;
  /** `mode: host` (long syntax): in a swarm stack the port is bound on the node of each task, not by the mesh. */
  hostMode: boolean;
}

function range(text: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}

function hostPortsOf(service: ServiceModel): HostPort[] {
  const out: HostPort[] = [];
  for (const item of items(get(service.node, 'ports'))) {
    const mapping = parsePort(item);
    const published = mapping?.published;
    if (!mapping || !published || published.byVariable || mapping.target?.byVariable || mapping.protocol?.byVariable) continue;
    const host = range(published.text);
    const target = mapping.target ? range(mapping.target.text) : undefined;
    if (!host || !target) continue;
    // A host range onto one container port: Docker picks one port of the range. Unequal ranges: compose refuses.
    if (host[0] !== host[1] && target[1] - target[0] !== host[1] - host[0]) continue;
    const protocol = (mapping.protocol?.text ?? 'tcp').toLowerCase();
    const hostMode = mapping.mode?.text === 'host';
    for (let port = host[0]; port <= host[1]; port++) out.push({ service, mapping, port, protocol, span: published.span, hostMode });
  }
  return out;
}

/** Every certain host port of every service, in file order. */
export const hostPorts = oncePer((model: ComposeModel): HostPort[] => model.services.flatMap(hostPortsOf));

/** The profiles a service is in (empty: it always runs). */
export function profilesOf(service: ServiceModel): string[] {
  return items(get(service.node, 'profiles'))
    .map((n) => scalarText(n))
    .filter((p): p is string => p !== undefined);
}
