/**
 * Options Windows accepts and ignores share one shape: find the key, say it has no effect, offer to remove it.
 * Each rule still has its own file, id and docs; this builds the check.
 */
import type { Node, Pair } from '../../../documents/tree';
import type { ComposeModel } from '../../../compose/model';
import { fix, removePairLines } from '../../edits';
import type { RuleContext } from '../../types';

export function reportNoEffect(ctx: RuleContext, found: (model: ComposeModel) => { pair: Pair; owner: string }[], what: (owner: string) => string): void {
  for (const { pair, owner } of found(ctx.compose)) {
    const end = (pair.value as Node).kind === 'scalar' && (pair.value as Node).end > pair.key.end ? pair.value.end : pair.key.end;
    ctx.report({
      span: { start: pair.key.start, end },
      message: what(owner),
      fixes: fix(`Remove \`${String(pair.key.value)}\``, removePairLines(ctx.doc, pair), true),
    });
  }
}
