import { asMap, asScalar, get, getPair, scalarText } from '../../documents/tree';
import type { Rule } from '../types';

/** shared/windows-networking.md §5.2, §7 #27 (CS-SCHEMA: `external.name` deprecated; MSD-ADV still shows it). */
export const externalNameDeprecatedRule: Rule = {
  meta: {
    id: 'external-name-deprecated',
    title: 'Deprecated `external: {name: ...}` form',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'any',
    fixable: true,
    tags: ['deprecated'],
    description: "Microsoft's compose example for Windows still joins the default network with `external: {name: nat}`. The compose specification deprecated `external.name`: write `name: nat` and `external: true`.",
    remedy: 'Replace it with `name: <network>` and `external: true`.',
    examples: { bad: 'networks:\n  default:\n    external:\n      name: nat', good: 'networks:\n  default:\n    name: nat\n    external: true' },
    sources: ['CS-SCHEMA', 'MSD-ADV'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      const pair = getPair(network.node, 'external');
      const external = asMap(pair?.value);
      const name = asScalar(get(external, 'name'));
      if (!pair || !external || !name || name.value === null) continue;
      const { lines, text } = ctx.doc;
      const keyLine = lines.positionAt(pair.key.full.start);
      const indent = text.slice(lines.lineStart(keyLine.line), pair.key.full.start);
      const replaced = text.slice(pair.key.full.start, pair.value.end);
      const safe = /^[ \t]*$/.test(indent) && !/#/.test(replaced) && !getPair(network.node, 'name') && external.pairs.length === 1;
      const nameText = text.slice(name.start, name.end);
      ctx.report({
        span: { start: pair.key.start, end: pair.key.end },
        message: `\`external: {name: ${scalarText(name)}}\` is deprecated: write \`name: ${scalarText(name)}\` and \`external: true\`.`,
        fixes: safe
          ? [{ title: `Use \`name: ${scalarText(name)}\` and \`external: true\``, preferred: true, edits: [{ span: { start: pair.key.full.start, end: pair.value.end }, newText: `name: ${nameText}\n${indent}external: true` }] }]
          : [],
      });
    }
  },
};
