/**
 * The language server from its sources with one rule that always throws (`links`, unless $WINNET_THROWING_RULE
 * names another): started by faults.test.ts as `node --import tsx <this file> --stdio` to check that a failing
 * rule is logged once per check and every other finding is still published.
 */
import { ALL_RULES } from '../../../server/src/rules/registry';

const id = process.env.WINNET_THROWING_RULE ?? 'links';
const rule = ALL_RULES.find((r) => r.meta.id === id);
if (!rule) throw new Error(`no rule ${id}`);
rule.check = () => {
  throw new Error(`injected failure in ${id}`);
};

require('../../../server/src/lsp/server');
