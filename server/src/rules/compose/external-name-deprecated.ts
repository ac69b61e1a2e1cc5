import { asMap, asScalar, get, getPair, scalarText } from '../../documents/tree';
import { declaresAnchor } from '../edits';
import type { Rule } from '../types';

/** The compose specification deprecates `external.name`; Microsoft's advanced-networking page still shows it. */
export const externalNameDeprecatedRule: Rule = {
  meta: {
    id: 'external-name-deprecated',
    title: 'Deprecated `external: {name: ...}` form',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'any',
    fixable: true,
    tags: ['deprecated'],
    description:
      "Microsoft's compose example for Windows still joins the default network with `external: {name: nat}`. The compose specification deprecated `external.name`: write `name: nat` and `external: true`.",
    remedy: 'Replace it with `name: <network>` and `external: true`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\nnetworks:\n  default:\n    external:\n      name: nat\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    sources: ['CS-SCHEMA', 'MSD-ADV'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      const pair = getPair(network.node, 'external');
      const external = asMap(pair?.value);
      const name = asScalar(get(external, 'name'));
      if (!pair || !external || !name || name.value === null) continue;
      const { lines, text } = ctx.doc;
      const keyLine = lines.positionAt(pair.key.fullStart);
      const indent = text.slice(lines.lineStart(keyLine.line), pair.key.fullStart);
      const replaced = text.slice(pair.key.fullStart, pair.value.end);
      // Only the network's own pair (not one merged in from an anchor other networks share), declaring no anchor
      // (aliases to it would dangle), holding just the name and no comment; in a flow mapping the two keys are written on one line, with a comma.
      const own = network.node!.pairs.includes(pair);
      const flow = network.node!.flow;
      const safe =
        own &&
        !declaresAnchor(pair.value) &&
        (flow || /^[ \t]*$/.test(indent)) &&
        !/#/.test(replaced) &&
        !getPair(network.node, 'name') &&
        external.pairs.length === 1;
      const nameText = text.slice(name.start, name.end);
      const separator = flow ? ', ' : `${lineBreakAfter(text, lines.lineEnd(keyLine.line))}${indent}`;
      ctx.report({
        span: { start: pair.key.start, end: pair.key.end },
        message: `\`external: {name: ${scalarText(name)}}\` is deprecated: write \`name: ${scalarText(name)}\` and \`external: true\`.`,
        fixes: safe
          ? [
              {
                title: `Use \`name: ${scalarText(name)}\` and \`external: true\``,
                preferred: true,
                edits: [{ span: { start: pair.key.fullStart, end: pair.value.end }, newText: `name: ${nameText}${separator}external: true` }],
              },
            ]
          : [],
      });
    }
  },
};

/** The line break at `offset` (the end of a line's content), else the file's first one, else `\n`. */
function lineBreakAfter(text: string, offset: number): string {
  const here = /^(\r\n|\r|\n)/.exec(text.slice(offset, offset + 2));
  if (here) return here[1];
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
