/**
 * Hover and completion on the docker commands of scripts, CI files and Markdown. A hover reads the command as the
 * compose tree the rules read (engine/check-script.ts), so `-d transparent`, `--isolation`, `-p` and the windowsshim
 * options get the hovers their compose forms get; completion offers Windows drivers after `-d`/`--driver`,
 * windowsshim option names after `-o`/`--opt`, and isolation values after `--isolation`. Only where the file is
 * Windows, as for compose files.
 */
import { buildComposeModel } from '../compose/model';
import { decideTarget } from '../compose/target';
import type { ParsedDocument } from '../documents/document';
import type { MapNode } from '../documents/tree';
import { scriptPlan } from '../engine/check-script';
import type { WindowsVersion } from '../knowledge/versions';
import type { CompletionItem } from './completion-item';
import { driverItems, isolationItems, optionNameItems } from './compose-complete';
import { composeHover, type Hover } from './compose-hover';

interface Context {
  windowsVersion: WindowsVersion;
}

/** The file's commands as compose, when the file is Windows (by its blocks, or by the same evidence as compose). */
function windowsPlan(doc: ParsedDocument) {
  const plan = scriptPlan(doc, undefined);
  if (!plan) return undefined;
  if (plan.target === 'windows') return plan;
  return decideTarget(buildComposeModel(plan.doc.root, doc.path), 'auto').target === 'windows' ? plan : undefined;
}

export function scriptHover(doc: ParsedDocument, offset: number, ctx: Context): Hover | undefined {
  const plan = windowsPlan(doc);
  if (!plan) return undefined;
  const command = plan.commands.find((c) => offset >= c.line.span.start && offset <= c.line.span.end);
  if (!command) return undefined;
  // The tree's `services` and `networks` both span the commands: the one this command is in is walked first.
  const root = plan.doc.root as MapNode;
  const first = command.kind === 'network-create' ? 'networks' : 'services';
  const ordered: MapNode = { ...root, pairs: [...root.pairs].sort((a, b) => Number(b.key.value === first) - Number(a.key.value === first)) };
  return composeHover({ ...plan.doc, root: ordered }, offset, { windowsVersion: ctx.windowsVersion, variablesRead: true });
}

/** Continuation characters at a line's end, per shell: PowerShell's backtick, cmd's caret, POSIX's backslash. */
const CONTINUED = /[`^\\]\s*$/;

export function scriptCompletions(doc: ParsedDocument, offset: number, ctx: Context): CompletionItem[] {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let before = text.slice(lineStart, offset);
  // The command may have started on an earlier line continued onto this one.
  let start = lineStart;
  for (let i = 0; i < 20 && start > 0; i++) {
    const prevStart = text.lastIndexOf('\n', start - 2) + 1;
    const prev = text.slice(prevStart, start - 1);
    if (!CONTINUED.test(prev)) break;
    before = `${prev} ${before}`;
    start = prevStart;
  }
  if (!/\bdocker(\.exe)?\b/i.test(before)) return [];
  // Completion is offered where the file is Windows, or where nothing yet says otherwise and it is a Windows script.
  if (!windowsPlan(doc) && !/\.(ps1|psm1|cmd|bat)$/i.test(doc.path)) return [];
  const typed = /[\w.-]*$/.exec(before)![0];
  const replace = { start: offset - typed.length, end: offset };
  const head = before.slice(0, before.length - typed.length);
  if (/\bnetwork\s+create\b/.test(before) && /(^|\s)(-d|--driver)(\s+|=)$/.test(head))
    return driverItems(replace, { windowsVersion: ctx.windowsVersion, serviceNames: [] });
  if (/\bnetwork\s+create\b/.test(before) && /(^|\s)(-o|--opt)(\s+|=)$/.test(head)) return optionNameItems(replace, 'network', 'flag');
  if (/(^|\s)--isolation(\s+|=)$/.test(head)) return isolationItems(replace);
  return [];
}
