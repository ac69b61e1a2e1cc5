/**
 * The scripts of a GitLab CI file ("CI/CD YAML syntax reference": script, before_script, after_script, as a string
 * or a list of strings, lists nested through anchors flattened). Every top-level key that is not a global keyword is
 * a job (hidden `.templates` too: their scripts run in the jobs that extend them). A job runs on a Windows runner when
 * its `tags` (or `default.tags`) include one naming Windows (`windows`, `shared-windows`, `saas-windows-medium-amd64`);
 * Windows runners run scripts in PowerShell.
 */
import { parseDocument } from '../documents/document';
import { asMap, get, items, pairs, resolve, scalarText, type Node } from '../documents/tree';
import type { ScriptBlock } from './script-block';
import { scalarRegion } from './yaml-region';

const GLOBAL_KEYWORDS = new Set(['stages', 'variables', 'workflow', 'include', 'default', 'image', 'services', 'cache', 'types', 'spec']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'];

export function gitlabBlocks(path: string, text: string): ScriptBlock[] {
  const root = asMap(parseDocument(path, text, 'yaml').root);
  if (!root) return [];
  const blocks: ScriptBlock[] = [];
  const defaults = get(root, 'default');
  const defaultTags = get(defaults, 'tags');
  const jobScripts = (job: Node | undefined, name: string, tags: Node | undefined) => {
    const windows = scalarsOf(tags, 0).some((tag) => /windows/i.test(tag.text));
    for (const key of SCRIPT_KEYS) {
      for (const { node } of scalarsOf(get(job, key), 0)) {
        const region = scalarRegion(text, node);
        if (!region) continue;
        const block: ScriptBlock = { shell: windows ? 'powershell' : 'posix', ...region, where: `GitLab CI job \`${name}\` (${key})` };
        if (windows) block.platform = 'windows';
        blocks.push(block);
      }
    }
  };
  jobScripts(defaults, 'default', defaultTags);
  // The global before_script/after_script of old files (now under `default`).
  jobScripts(root, '(global)', defaultTags);
  for (const { key, value } of pairs(root)) {
    const name = String(key.value);
    if (GLOBAL_KEYWORDS.has(name) || SCRIPT_KEYS.includes(name) || !asMap(value)) continue;
    jobScripts(value, name, get(value, 'tags') ?? defaultTags);
  }
  return blocks;
}

/** The scalars of a string or a (nested) list of strings, each with its node. */
function scalarsOf(node: Node | undefined, depth: number): { node: Node; text: string }[] {
  const current = resolve(node);
  if (!current || depth > 8) return [];
  const text = scalarText(current);
  if (text !== undefined) return [{ node: current, text }];
  return items(current).flatMap((item) => scalarsOf(item, depth + 1));
}
