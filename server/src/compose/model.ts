/**
 * The compose model networking rules read: services with their network attachments, ports and isolation, and
 * the networks they attach to with the driver Windows will actually use. Every value is the located node it
 * came from (through anchors and merge keys), so findings point at the text.
 */
import { asMap, asScalar, get, getPair, items, pairs, scalarText, type MapNode, type Node, type Pair, type ScalarNode } from '../documents/tree';
import { intendedDriverName } from '../knowledge/drivers';
import { oncePer } from '../util/once-per';
import { isInterpolated } from './interpolation';
import { isSwarmStack } from './swarm';

export interface ServiceModel {
  name: string;
  key: ScalarNode;
  node: MapNode;
  attachments: Attachment[];
}

export interface Attachment {
  /** The network name as the service writes it. */
  name: string;
  /** The name's node: a list item or a mapping key. */
  node: ScalarNode;
  /** The attachment's settings (`ipv4_address`, `aliases`, ...) when written as a mapping. */
  config?: MapNode;
  /** True for the implicit `default` network of a service that names none. */
  implicit: boolean;
}

export interface NetworkModel {
  name: string;
  key: ScalarNode;
  /** The definition mapping; undefined for `name:` with no value (a network with all defaults). */
  node?: MapNode;
}

export interface ComposeModel {
  root: MapNode | undefined;
  services: ServiceModel[];
  networks: NetworkModel[];
  /** Written for `docker stack deploy` (compose/swarm.ts): networks without a driver are overlay networks. */
  stack: boolean;
  /** The file's path (the first file's, for a set): its name can be evidence (compose/evidence.ts). */
  path: string;
}

/**
 * One model per parsed tree: the check, hovers and completions of a document version share it (and the caches
 * keyed by the model). A tree belongs to one document, so the path given with it the first time is its path.
 */
const models = new WeakMap<Node, ComposeModel>();

export function buildComposeModel(root: Node | undefined, path = ''): ComposeModel {
  if (!root) return buildModel(undefined, path);
  let model = models.get(root);
  if (!model) models.set(root, (model = buildModel(root, path)));
  return model;
}

function buildModel(root: Node | undefined, path: string): ComposeModel {
  const top = asMap(root);
  const services: ServiceModel[] = [];
  for (const pair of pairs(get(top, 'services'))) {
    const service = serviceOf(pair);
    if (service) services.push(service);
  }
  const networks: NetworkModel[] = pairs(get(top, 'networks')).map(networkOf);
  return { root: top, services, networks, stack: top !== undefined && isSwarmStack(top, path), path };
}

/*
 * A service or network model is a function of its pair's key and value nodes alone, so it is kept for as long as
 * the pair lives: an incremental re-parse (documents/incremental.ts) keeps the pairs of every entry the edit did
 * not touch (only moving their offsets, which the model reads from the nodes), and a full parse makes new ones.
 * After a keystroke in one service, the next check builds one service model, not thousands.
 */
const serviceOf = oncePer((pair: Pair): ServiceModel | undefined => {
  const node = asMap(pair.value);
  return node && { name: String(pair.key.value), key: pair.key, node, attachments: attachmentsOf(pair.key, node) };
});

const networkOf = oncePer((pair: Pair): NetworkModel => ({ name: String(pair.key.value), key: pair.key, node: asMap(pair.value) }));

function attachmentsOf(serviceKey: ScalarNode, service: MapNode): Attachment[] {
  const networksNode = get(service, 'networks');
  const list = items(networksNode);
  if (list.length) {
    return list.flatMap((item) => {
      const s = asScalar(item);
      return s && s.value !== null ? [{ name: String(s.value), node: s, implicit: false }] : [];
    });
  }
  const map = pairs(networksNode);
  if (map.length) return map.map((p) => ({ name: String(p.key.value), node: p.key, config: asMap(p.value), implicit: false }));
  // No `networks:` and no `network_mode:`: compose attaches the service to the project's `default` network.
  if (get(service, 'network_mode') === undefined) return [{ name: 'default', node: serviceKey, implicit: true }];
  return [];
}

// Indexed once per model: every attachment of every service looks its network up, often in several rules.
const networkIndex = oncePer((model: ComposeModel) => {
  const index = new Map<string, NetworkModel>();
  for (const network of model.networks) if (!index.has(network.name)) index.set(network.name, network);
  return index;
});

export function findNetwork(model: ComposeModel, name: string): NetworkModel | undefined {
  return networkIndex(model).get(name);
}

export interface EffectiveDriver {
  /**
   * The driver Windows will use, or undefined when it cannot be known from the file: an external network, or a
   * `driver:` compose substitutes a variable into.
   */
  name: string | undefined;
  /** The `driver:` value node, when written. */
  node?: ScalarNode;
  /**
   * Why this driver: written, written with a variable (compose/interpolation.ts), the Windows default (`nat`),
   * the default of a swarm stack (`overlay`, compose/swarm.ts), or an existing network.
   */
  origin: 'explicit' | 'variable' | 'default' | 'stack-default' | 'external';
}

/**
 * The driver of a network as a Windows daemon sees it. Compose sends no driver when none is written, and the
 * Windows daemon then uses `nat` (moby daemon/network.go takes the default driver, which
 * daemon/network/network_mode_windows.go sets to `nat`). An external network keeps whatever driver it was created
 * with; the well-known `nat` network is the one exception we can name.
 */
export function effectiveDriver(network: NetworkModel | undefined, stack = false): EffectiveDriver {
  const driver = network?.node ? driverOf(network) : DEFAULT_DRIVER;
  return stack && driver === DEFAULT_DRIVER ? STACK_DEFAULT_DRIVER : driver;
}

/** What a network without a definition (or a missing one) gets; shared, so it is frozen. */
const DEFAULT_DRIVER: EffectiveDriver = Object.freeze({ name: 'nat', origin: 'default' });

/** The same in a swarm stack, which `docker stack deploy` creates as overlay networks. */
const STACK_DEFAULT_DRIVER: EffectiveDriver = Object.freeze({ name: 'overlay', origin: 'stack-default' });

/** The driver of a network whose name compose substitutes a variable into: unknown. */
const VARIABLE_DRIVER: EffectiveDriver = Object.freeze({ name: undefined, origin: 'variable' });

/** The network a service names (in `networks:` or `network_mode:`), if defined, and the driver it gets. */
export function networkNamed(model: ComposeModel, name: string): { network: NetworkModel | undefined; driver: EffectiveDriver } {
  const network = findNetwork(model, name);
  return { network, driver: isInterpolated(name) ? VARIABLE_DRIVER : effectiveDriver(network, model.stack) };
}

/** Once per network model: every attachment to the network asks, in several rules. */
const driverOf = oncePer((network: NetworkModel): EffectiveDriver => {
  if (!network.node) return DEFAULT_DRIVER;
  const driverPair = getPair(network.node, 'driver');
  const driver = asScalar(driverPair?.value);
  if (isExternal(network)) {
    const externalName = scalarText(get(network.node, 'name')) ?? scalarText(get(get(network.node, 'external'), 'name')) ?? network.name;
    return { name: externalName === 'nat' ? 'nat' : undefined, origin: 'external' };
  }
  if (driver && isInterpolated(driver.value)) return { name: undefined, node: driver, origin: 'variable' };
  // `driver: Transparent` is refused for its spelling (driver-name-case); every other rule judges the driver meant.
  if (driver && driver.value !== null) return { name: intendedDriverName(String(driver.value)), node: driver, origin: 'explicit' };
  return DEFAULT_DRIVER;
});

export function isExternal(network: NetworkModel): boolean {
  const external = get(network.node, 'external');
  if (asMap(external)) return true; // deprecated `external: {name: ...}` form
  const v = asScalar(external)?.value;
  return v === true || v === 'true';
}

/** Driver options of a network as pairs (keys are option names). */
export function driverOpts(network: NetworkModel | undefined): Pair[] {
  return pairs(get(network?.node, 'driver_opts'));
}

/** Every `ipam.config[]` entry of a network. */
export function ipamConfigs(network: NetworkModel | undefined): MapNode[] {
  return items(get(get(network?.node, 'ipam'), 'config')).flatMap((n) => {
    const m = asMap(n);
    return m ? [m] : [];
  });
}
