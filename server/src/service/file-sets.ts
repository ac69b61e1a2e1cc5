/**
 * Which compose files an editor checks together, and who publishes whose findings. An open compose document
 * that has a set (an override beside it, a configured `winnet.composeFileSets` entry, an `include`, an `extends`,
 * partner files) is checked with its members, and it then "owns" their diagnostics: a member that is open is
 * checked through its owner, a member's edit re-checks its owners, and when a set shrinks or its owner closes, the
 * members no other open owner reads are released (checked alone again when open, cleared when not).
 *
 * Pure bookkeeping over URIs, told which documents are open: the language server applies what it returns.
 */
import { defaultBaseOf, defaultOverrideOf, isAbsolute, resolvePath } from '../compose/paths';
import type { ComposeSet } from '../compose/loader';
import { get, pairs, type Node } from '../documents/tree';
import type { Finding } from '../engine/check';

/** What the server must do after a change of ownership: check these open documents again, clear these. */
export interface Release {
  recheck: string[];
  clear: string[];
}

/**
 * The files checked together with `path`: the configured set that names it (paths relative to the first
 * workspace folder), its base and override pair, or itself alone.
 */
export function setPathsFor(
  path: string,
  configured: readonly (readonly string[])[],
  workspaceRoot: string | undefined,
  exists: (path: string) => boolean,
): string[] {
  for (const set of configured) {
    const absolute = set.map((p) => (isAbsolute(p) ? p : resolvePath(workspaceRoot ?? '.', p)));
    if (absolute.includes(path)) return absolute;
  }
  const base = defaultBaseOf(path).find(exists);
  if (base) return [base, path];
  return [path, ...defaultOverrideOf(path).filter(exists).slice(0, 1)];
}

/**
 * Whether a compose file is checked as a set rather than alone: it has a partner (`setPaths` of more than itself,
 * or partner files beside it), an `include`, or a service that `extends`.
 */
export function needsSet(root: Node | undefined, setPaths: readonly string[], hasPartners: boolean): boolean {
  if (setPaths.length > 1 || hasPartners || get(root, 'include') !== undefined) return true;
  return pairs(get(root, 'services')).some((p) => get(p.value, 'extends') !== undefined);
}

export class FileSets {
  /** The set each open compose document was last checked in, and its findings per member file URI. */
  private readonly lastSets = new Map<string, { set: ComposeSet; findings: Map<string, Finding[]> }>();
  /** For each member file URI, the documents whose sets include it. */
  private readonly owners = new Map<string, Set<string>>();

  constructor(private readonly isOpen: (uri: string) => boolean) {}

  /** Every document whose set reads `uri` (itself included when it owns a set). */
  ownersOf(uri: string): string[] {
    return [...(this.owners.get(uri) ?? [])];
  }

  /** The other open documents whose sets read `uri`: `uri` is checked through them, not alone. */
  openOwnersOf(uri: string): string[] {
    return this.ownersOf(uri).filter((o) => o !== uri && this.isOpen(o));
  }

  /** `ownerUri` was checked with its set; `findings` by member URI. */
  checkedInSet(ownerUri: string, set: ComposeSet, findings: Map<string, Finding[]>): Release {
    for (const member of findings.keys()) {
      if (!this.owners.has(member)) this.owners.set(member, new Set());
      this.owners.get(member)!.add(ownerUri);
    }
    const release = this.release(ownerUri, new Set(findings.keys()));
    this.lastSets.set(ownerUri, { set, findings });
    return release;
  }

  /** `uri` was checked alone: if it had a set before (its override or include is gone), its members are released. */
  checkedAlone(uri: string): Release {
    if (!this.lastSets.has(uri)) return { recheck: [], clear: [] };
    const release = this.release(uri, new Set([uri]));
    this.lastSets.delete(uri);
    return release;
  }

  /**
   * `uri` closed: it and the members only its set read lose their diagnostics; the open documents whose sets
   * read `uri` are checked again (they now read it from disk).
   */
  closed(uri: string): Release {
    const closed = this.lastSets.get(uri);
    this.lastSets.delete(uri);
    const clear: string[] = [];
    for (const member of new Set([uri, ...(closed ? closed.findings.keys() : [])])) {
      const memberOwners = this.owners.get(member);
      memberOwners?.delete(uri);
      if ([...(memberOwners ?? [])].some((o) => this.isOpen(o))) continue;
      this.owners.delete(member);
      clear.push(member);
    }
    return { recheck: this.ownersOf(uri).filter((o) => this.isOpen(o)), clear };
  }

  /** The set `uri` was last checked in: its own, or the set of a document that reads it. */
  setOf(uri: string): ComposeSet | undefined {
    if (this.lastSets.has(uri)) return this.lastSets.get(uri)!.set;
    for (const owner of this.ownersOf(uri)) if (this.lastSets.has(owner)) return this.lastSets.get(owner)!.set;
    return undefined;
  }

  /** The findings `uri` got from its set's last check. */
  findingsInSet(uri: string): Finding[] | undefined {
    const own = this.lastSets.get(uri)?.findings.get(uri);
    if (own) return own;
    for (const owner of this.ownersOf(uri)) {
      const f = this.lastSets.get(owner)?.findings.get(uri);
      if (f) return f;
    }
    return undefined;
  }

  /**
   * After the set of `ownerUri` changed, the members it no longer reads (not in `kept`) and that no other open
   * document's set reads: open ones are checked on their own again, the others cleared.
   */
  private release(ownerUri: string, kept: ReadonlySet<string>): Release {
    const previous = this.lastSets.get(ownerUri);
    const release: Release = { recheck: [], clear: [] };
    if (!previous) return release;
    for (const member of previous.findings.keys()) {
      if (kept.has(member) || member === ownerUri) continue;
      const memberOwners = this.owners.get(member);
      memberOwners?.delete(ownerUri);
      if ([...(memberOwners ?? [])].some((o) => this.isOpen(o))) continue;
      this.owners.delete(member);
      (this.isOpen(member) ? release.recheck : release.clear).push(member);
    }
    return release;
  }
}
