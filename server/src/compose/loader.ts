/**
 * A compose file set as Windows will run it: the files given (`-f a.yml -f b.yml`, or a base file and its
 * default override), the files they `include`, and the files their services `extend`, merged by the
 * compose-spec rules. Files are read through an injected reader, so the core never touches the file system and
 * the language server can serve unsaved editor buffers first.
 *
 * The files are laid end to end in one virtual text, each at its own base offset, and every node is shifted by
 * its file's base. Offsets are then unique across the set: rules and fixes run unchanged on the merged tree, and
 * each finding maps back to the file (and place) that wrote the value.
 */
import { isInterpolated } from './interpolation';
import { parseDocument, type ParsedDocument } from '../documents/document';
import { LineIndex, type Span } from '../documents/text';
import { asMap, asScalar, get, items, pairs, scalarText, type MapNode, type Node, type Pair } from '../documents/tree';
import { mergeNodes } from './merge';
import { basename, dirname, resolvePath } from './paths';

export interface FileReader {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /**
   * Why the reader will not read `path` although it may exist (a policy: the language server in an untrusted
   * workspace reads nothing outside the workspace folders), for the finding that says it was not read.
   */
  refuses?(path: string): string | undefined;
  /**
   * The names of the other files in the folder of `path` (no paths), so a file checked alone can tell that it has
   * partner files it may be combined with (`docker-compose.prod.yml` beside `docker-compose.yml`).
   */
  siblings?(path: string): readonly string[];
}

/** How a file that was not read is described in a finding. */
function unread(reader: FileReader, path: string): string {
  const refusal = reader.refuses?.(path);
  return refusal ? `is not read (${path}: ${refusal})` : `cannot be read (${path})`;
}

export interface SetMember {
  path: string;
  doc: ParsedDocument;
  /** Offset of this file's text in the virtual text. */
  base: number;
  role: 'file' | 'include' | 'extends';
}

export interface SetProblem {
  /** Span in the virtual text (so it maps to its file like any finding). */
  span: Span;
  message: string;
  /** Lower than the rule's error: a reference winnet cannot follow, though compose may (a variable in it). */
  severity?: 'information';
}

export interface ComposeSet {
  members: SetMember[];
  /** The files given (not included or extended), in order. */
  files: string[];
  /**
   * For a file given alone: the compose files beside it whose names extend its own (`docker-compose.prod.yml`
   * beside `docker-compose.yml`, `compose.windows.yaml` beside `compose.yaml`), which it is likely merged with.
   */
  partners: string[];
  /** The merged set as one document: concatenated text, merged tree, kind compose. */
  virtual: ParsedDocument;
  problems: SetProblem[];
}

/** More members than this is a runaway include/extends graph: stop reading and say so. */
const MAX_MEMBERS = 64;

export function loadComposeSet(paths: readonly string[], reader: FileReader, preParsed?: Map<string, ParsedDocument>): ComposeSet {
  const members: SetMember[] = [];
  const byPath = new Map<string, SetMember>();
  const problems: SetProblem[] = [];
  let length = 0;

  const load = (path: string, role: SetMember['role']): SetMember | undefined => {
    const known = byPath.get(path);
    if (known) return known;
    if (members.length >= MAX_MEMBERS) return undefined;
    const pre = preParsed?.get(path);
    const text = pre?.text ?? reader.read(path);
    if (text === undefined) return undefined;
    const doc = pre && members.length === 0 && length === 0 ? pre : parseDocument(path, text, 'yaml');
    const member: SetMember = { path, doc, base: length, role };
    if (member.base) shift(doc.root, member.base);
    length += text.length + 1; // one '\n' between files keeps every file starting on its own line
    members.push(member);
    byPath.set(path, member);
    return member;
  };

  /**
   * Each file's merged model, computed once: a file reached along several include paths (a diamond) is expanded
   * and its problems reported once, not once per path (which grew like Fibonacci with the depth). A file being
   * computed is always on the current chain, so a hit here is a finished model.
   */
  const done = new Map<string, Node | undefined>();

  /** The merged model of one file with what it includes (included files first; the file itself wins). */
  const withIncludes = (member: SetMember, chain: string[]): Node | undefined => {
    if (done.has(member.path)) return done.get(member.path);
    const result = mergeIncludes(member, chain);
    done.set(member.path, result);
    return result;
  };

  const mergeIncludes = (member: SetMember, chain: string[]): Node | undefined => {
    let merged: Node | undefined;
    for (const entry of items(get(member.doc.root, 'include'))) {
      for (const { path, node } of includePaths(entry, member.path)) {
        if (isInterpolated(scalarText(node))) {
          problems.push({
            span: spanOf(node),
            severity: 'information',
            message: `\`include\` of \`${scalarText(node)}\` is not followed: compose substitutes the variable in the path when it runs, and winnet does not know its value. The services and networks of that file are not checked.`,
          });
          continue;
        }
        if (chain.includes(path)) {
          problems.push({
            span: spanOf(node),
            message: `\`include\` of \`${scalarText(node)}\` loops back to a file that includes it: ${[...chain, path].map(shortName).join(' → ')}`,
          });
          continue;
        }
        const included = load(path, 'include');
        if (!included) {
          problems.push({
            span: spanOf(node),
            message: `Included file \`${scalarText(node)}\` ${unread(reader, path)}; its services and networks are not checked.`,
          });
          continue;
        }
        const model = withIncludes(included, [...chain, path]);
        if (model) merged = merged === undefined ? model : mergeNodes(merged, model);
      }
    }
    const own = withoutKey(member.doc.root, 'include');
    if (!own) return merged;
    return merged === undefined ? own : mergeNodes(merged, own);
  };

  const roots: Node[] = [];
  for (const path of paths) {
    const member = load(path, 'file');
    if (!member) continue;
    const root = withIncludes(member, [path]);
    if (root) roots.push(root);
  }
  let root = roots.reduce<Node | undefined>((acc, r) => (acc === undefined ? r : mergeNodes(acc, r)), undefined);
  root = resolveAllExtends(root, { load, unread: (path) => unread(reader, path), memberAt: (offset) => memberAt(members, offset), problems });

  const text = members.map((m) => m.doc.text).join('\n');
  const first = members[0];
  // The virtual document has no parse errors of its own: each member's are reported with that member (a
  // one-file set used to keep the file's errors here too, and the CLI reported each syntax error twice).
  const virtual: ParsedDocument =
    members.length === 1 && first.base === 0
      ? { ...first.doc, root, errors: [] }
      : { path: first?.path ?? paths[0] ?? '', text, lines: new LineIndex(text), language: 'yaml', root, errors: [], kind: 'compose' };
  const files = members.filter((m) => m.role === 'file').map((m) => m.path);
  const partners = files.length === 1 ? partnersOf(files[0], reader) : [];
  return { members, files, partners, virtual, problems };
}

/** Compose files beside `path` whose names extend its stem: `docker-compose.yml` → `docker-compose.*.yml`, `-*.yml`. */
export function partnersOf(path: string, reader: FileReader): string[] {
  const name = basename(path);
  const stem = /^(.*?)(\.override)?\.ya?ml$/i.exec(name)?.[1];
  if (!stem || !reader.siblings) return [];
  const dir = dirname(path);
  const isPartner = (sibling: string) =>
    sibling !== name && /\.ya?ml$/i.test(sibling) && sibling.toLowerCase().startsWith(`${stem.toLowerCase()}`) && /^[.-]/.test(sibling.slice(stem.length));
  return reader
    .siblings(path)
    .filter(isPartner)
    .sort()
    .map((sibling) => resolvePath(dir, sibling));
}

export function memberAt(members: readonly SetMember[], offset: number): SetMember | undefined {
  let found: SetMember | undefined;
  for (const m of members) {
    if (m.base <= offset) found = m;
    else break;
  }
  return found;
}

function includePaths(entry: Node, from: string): { path: string; node: Node }[] {
  const dir = dirname(from);
  const scalar = asScalar(entry);
  if (scalar && typeof scalar.value === 'string') return [{ path: resolvePath(dir, scalar.value), node: scalar }];
  const map = asMap(entry);
  if (!map) return [];
  const pathNode = get(map, 'path');
  const list = items(pathNode).length ? items(pathNode) : pathNode ? [pathNode] : [];
  return list.flatMap((n) => {
    const s = asScalar(n);
    return s && typeof s.value === 'string' ? [{ path: resolvePath(dir, s.value), node: s }] : [];
  });
}

interface ExtendsContext {
  load(path: string, role: SetMember['role']): SetMember | undefined;
  /** How a file that was not read is described (see unread). */
  unread(path: string): string;
  memberAt(offset: number): SetMember | undefined;
  problems: SetProblem[];
}

/** Replaces each service that `extends` another by the parent merged with the child (compose-spec rules). */
function resolveAllExtends(root: Node | undefined, ctx: ExtendsContext): Node | undefined {
  const top = asMap(root);
  const services = asMap(get(top, 'services'));
  if (!top || !services || !pairs(services).some((p) => get(p.value, 'extends') !== undefined)) return root;
  const resolved: Pair[] = pairs(services).map((pair) => ({ key: pair.key, value: resolveService(String(pair.key.value), pair.value, services, ctx, []) }));
  const newServices: MapNode = { ...services, pairs: resolved };
  return { ...top, pairs: pairs(top).map((p) => (String(p.key.value) === 'services' ? { key: p.key, value: newServices } : p)) };
}

function resolveService(name: string, service: Node, services: MapNode, ctx: ExtendsContext, chain: string[]): Node {
  const ext = get(service, 'extends');
  if (!ext) return service;
  const child = withoutKey(service, 'extends') ?? service;
  const parentName = scalarText(ext) ?? scalarText(get(ext, 'service'));
  const fileNode = get(ext, 'file');
  const file = scalarText(fileNode);
  const owner = ctx.memberAt(ext.start);
  if (!parentName || !owner) return child;
  const byVariable = isInterpolated(file) ? fileNode : isInterpolated(parentName) ? (get(ext, 'service') ?? ext) : undefined;
  if (byVariable) {
    ctx.problems.push({
      span: spanOf(byVariable),
      severity: 'information',
      message: `\`extends\` of \`${scalarText(byVariable)}\` is not followed: compose substitutes the variable when it runs, and winnet does not know its value. Service \`${name}\` is checked without its parent.`,
    });
    return child;
  }
  const parentPath = file ? resolvePath(dirname(owner.path), file) : owner.path;
  const key = `${parentPath}#${parentName}`;
  if (chain.includes(key)) {
    ctx.problems.push({
      span: spanOf(ext),
      message: `\`extends\` loops: ${[...chain, key].map((k) => k.replace(/^.*[\\/]/, '')).join(' → ')}. The loop is not followed.`,
    });
    return child;
  }
  let parentServices = services;
  if (file) {
    const parentDoc = ctx.load(parentPath, 'extends');
    if (!parentDoc) {
      ctx.problems.push({
        span: spanOf(fileNode!),
        message: `\`extends.file\` \`${file}\` ${ctx.unread(parentPath)}; service \`${name}\` is checked without its parent.`,
      });
      return child;
    }
    parentServices = asMap(get(parentDoc.doc.root, 'services')) ?? { kind: 'map', pairs: [], flow: false, start: 0, end: 0, fullStart: 0 };
  }
  const parent = get(parentServices, parentName);
  if (!parent) {
    ctx.problems.push({
      span: spanOf(get(ext, 'service') ?? ext),
      message: `\`extends\` names service \`${parentName}\`, which ${file ? `\`${file}\`` : 'this file'} does not define.`,
    });
    return child;
  }
  const resolvedParent = resolveService(parentName, parent, parentServices, ctx, [...chain, key]);
  return mergeNodes(resolvedParent, child, ['services', name]) ?? child;
}

function withoutKey(node: Node | undefined, key: string): Node | undefined {
  const map = asMap(node);
  if (!map) return node;
  if (!map.pairs.some((p) => String(p.key.value) === key)) return map;
  return { ...map, pairs: map.pairs.filter((p) => String(p.key.value) !== key) };
}

function spanOf(node: Node): Span {
  return { start: node.start, end: node.end };
}

function shortName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/** Moves every node of a freshly parsed tree by `delta` (each node once: aliases point into the same tree). */
function shift(root: Node | undefined, delta: number): void {
  if (!root) return;
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    node.start += delta;
    node.end += delta;
    node.fullStart += delta;
    if (node.kind === 'map') for (const p of node.pairs) stack.push(p.key, p.value);
    else if (node.kind === 'seq') stack.push(...node.items);
  }
}
