/**
 * The script steps of an Azure Pipelines file ("YAML schema reference for Azure Pipelines": steps.script,
 * steps.bash, steps.powershell, steps.pwsh, and the PowerShell@2, Bash@3 and CmdLine@2 tasks' `inputs.script`).
 * `script:` runs in cmd.exe on Windows agents and in bash elsewhere; `powershell:` is Windows PowerShell (pwsh off
 * Windows) and `pwsh:` PowerShell 7. An agent is Windows when its pool's `vmImage` is a Windows image (directly or
 * through a `$(var)` / `${{ variables.var }}` whose matrix values are), or its demands ask for `Agent.OS -equals
 * Windows_NT`. Pools are inherited from the pipeline to stages to jobs; the nearest one applies.
 */
import { parseDocument } from '../documents/document';
import { asMap, asSeq, get, items, pairs, resolve, scalarText, type Node } from '../documents/tree';
import type { ScriptBlock } from './script-block';
import { scalarRegion } from './yaml-region';
import type { Shell } from './words';

const TOP_LEVEL = ['pool', 'stages', 'jobs', 'steps'];
const STEP_KEYS = ['script', 'bash', 'powershell', 'pwsh', 'task'];

/** Whether a file not named `azure-pipelines*.yml` looks like one: a quick text test, then the top-level keys. */
export function looksLikeAzurePipeline(text: string): boolean {
  return /^(pool|stages|jobs|steps):/m.test(text) && /^\s*-?\s*(script|powershell|pwsh|bash|task):/m.test(text);
}

export function azurePipelineBlocks(path: string, text: string, named: boolean): ScriptBlock[] {
  const root = asMap(parseDocument(path, text, 'yaml').root);
  if (!root) return [];
  if (!named && !root.pairs.some((pair) => TOP_LEVEL.includes(String(pair.key.value)))) return [];
  const blocks: ScriptBlock[] = [];
  const visited = new Set<Node>();
  const walk = (node: Node | undefined, windows: boolean, depth: number) => {
    const current = resolve(node);
    if (!current || depth > 32 || visited.has(current)) return;
    visited.add(current);
    if (current.kind === 'seq') {
      for (const item of current.items) walk(item, windows, depth + 1);
      return;
    }
    if (current.kind !== 'map') return;
    const pool = get(current, 'pool');
    const here = pool === undefined ? windows : poolIsWindows(pool, current);
    const steps = asSeq(get(current, 'steps'));
    if (steps) {
      visited.add(steps);
      for (const step of steps.items) {
        const block = stepBlock(text, step, here);
        if (block) blocks.push(block);
      }
    }
    for (const pair of current.pairs) if (pair.value !== steps && String(pair.key.value) !== 'pool') walk(pair.value, here, depth + 1);
  };
  walk(root, false, 0);
  return blocks;
}

function stepBlock(text: string, step: Node, windows: boolean): ScriptBlock | undefined {
  const map = asMap(step);
  if (!map) return undefined;
  const key = STEP_KEYS.find((k) => get(map, k) !== undefined);
  if (!key) return undefined;
  let shell: Shell;
  let scriptNode = get(map, key);
  let kind = key;
  if (key === 'task') {
    kind = scalarText(scriptNode) ?? key;
    const task = kind.toLowerCase();
    scriptNode = get(get(map, 'inputs'), 'script') ?? get(get(map, 'inputs'), 'inlineScript');
    if (task.startsWith('powershell@')) shell = 'powershell';
    else if (task.startsWith('bash@')) shell = 'posix';
    else if (task.startsWith('cmdline@')) shell = windows ? 'cmd' : 'posix';
    else return undefined;
  } else {
    shell = key === 'script' ? (windows ? 'cmd' : 'posix') : key === 'bash' ? 'posix' : 'powershell';
  }
  const region = scalarRegion(text, scriptNode);
  if (!region) return undefined;
  const name = scalarText(get(map, 'displayName')) ?? scalarText(get(map, 'name')) ?? kind;
  const block: ScriptBlock = { shell, ...region, where: `Azure Pipelines step \`${name}\` (${kind})` };
  if (windows) block.platform = 'windows';
  return block;
}

const WINDOWS_IMAGE = /windows|win20|vs20\d\d/i;

function poolIsWindows(pool: Node, job: Node): boolean {
  const named = scalarText(pool);
  if (named !== undefined) return WINDOWS_IMAGE.test(named);
  const image = scalarText(get(pool, 'vmImage'));
  if (image !== undefined) {
    if (WINDOWS_IMAGE.test(image)) return true;
    // `vmImage: $(imageName)` with `strategy.matrix.<leg>.imageName: windows-latest`.
    const variable = /\$\(([\w.]+)\)|\$\{\{\s*variables\.([\w.]+)\s*\}\}/.exec(image);
    const name = variable?.[1] ?? variable?.[2];
    if (name !== undefined) {
      for (const { value: leg } of pairs(get(get(job, 'strategy'), 'matrix'))) {
        if (WINDOWS_IMAGE.test(scalarText(get(leg, name)) ?? '')) return true;
      }
    }
  }
  const demands = get(pool, 'demands');
  const written = [scalarText(demands), ...items(demands).map((item) => scalarText(item))];
  if (written.some((demand) => demand !== undefined && /agent\.os\s+-equals\s+windows_nt/i.test(demand))) return true;
  return WINDOWS_IMAGE.test(scalarText(get(pool, 'name')) ?? '');
}
