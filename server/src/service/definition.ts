/**
 * Go to definition in compose files: from a service's network reference to the network's definition, from
 * `extends.service` to the parent service, in whichever file of the set defines it, and from a `${VAR}` to the line
 * of the env file that sets it.
 */
import type { ComposeSet } from '../compose/loader';
import { dirname, resolvePath } from '../compose/paths';
import type { ParsedDocument } from '../documents/document';
import { get, getPair, scalarText, type Node } from '../documents/tree';
import { nodePath } from '../documents/node-path';
import type { Range, Span } from '../documents/text';
import type { Resolution } from '../compose/resolve';
import { placedUses, useAt } from './variable-uses';

export interface Location {
  path: string;
  span: Span;
  /** The span as lines and characters, for a file that is not a member of the document's set (an env file). */
  range?: Range;
}

/** From a `${VAR}` to the name of the env file line that sets it (nothing for a variable from the environment). */
export function variableDefinition(doc: ParsedDocument, resolution: Resolution, offset: number): Location[] {
  const source = useAt(placedUses(doc, resolution), offset)?.binding?.source;
  if (source?.kind !== 'file') return [];
  return [{ path: source.path, span: source.entry.nameSpan, range: source.lines.rangeOf(source.entry.nameSpan) }];
}

export function composeDefinition(doc: ParsedDocument, offset: number, set?: ComposeSet): Location[] {
  const located = nodePath(doc.root, offset);
  const path = located.steps.map((s) => s.key);
  const last = located.steps[located.steps.length - 1];
  if (!last) return [];
  // services.<svc>.networks.<name> (mapping key) or services.<svc>.networks[<i>] (list item)
  if (path.length === 4 && path[0] === 'services' && path[2] === 'networks') {
    const name = typeof path[3] === 'number' ? scalarText(last.node) : String(path[3]);
    return name ? definitionsOf('networks', name, doc, set) : [];
  }
  // services.<svc>.network_mode: service:<name>
  if (path.length === 3 && path[0] === 'services' && path[2] === 'network_mode') {
    const m = /^service:(.+)$/.exec(scalarText(last.node) ?? '');
    return m ? definitionsOf('services', m[1], doc, set) : [];
  }
  // services.<svc>.extends (string) or services.<svc>.extends.service
  if (path[0] === 'services' && path[2] === 'extends' && (path.length === 3 || path[3] === 'service')) {
    const ext = located.steps[2].node;
    const name = scalarText(last.node);
    if (!name) return [];
    const file = scalarText(get(ext, 'file'));
    if (!file) return definitionsOf('services', name, doc, undefined);
    const target = resolvePath(dirname(doc.path), file);
    const member = set?.members.find((m) => m.path === target);
    return member ? keyIn(member.doc.root, 'services', name, member.path, member.base) : [];
  }
  return [];
}

function definitionsOf(section: string, name: string, doc: ParsedDocument, set: ComposeSet | undefined): Location[] {
  const own = keyIn(doc.root, section, name, doc.path, 0);
  if (!set) return own;
  const elsewhere = set.members.filter((m) => m.path !== doc.path).flatMap((m) => keyIn(m.doc.root, section, name, m.path, m.base));
  return [...own, ...elsewhere];
}

function keyIn(root: Node | undefined, section: string, name: string, path: string, base: number): Location[] {
  const pair = getPair(get(root, section), name);
  return pair ? [{ path, span: { start: pair.key.start - base, end: pair.key.end - base } }] : [];
}
