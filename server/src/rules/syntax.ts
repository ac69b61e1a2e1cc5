import type { RuleMeta } from './types';

/** Parse errors are reported by the engine under this id; the metadata is here for the docs and SARIF. */
export const SYNTAX_RULE_ID = 'syntax';

export const syntaxMeta: RuleMeta = {
  id: SYNTAX_RULE_ID,
  title: 'The file does not parse',
  defaultSeverity: 'error',
  kinds: ['compose', 'hns-v1', 'hcn-v2', 'cni'],
  target: 'any',
  fixable: false,
  description:
    'A compose file that is not valid YAML, or an HNS / CNI document that is not valid JSON, is reported at the place the parser stopped. Duplicate mapping keys are errors too (compose refuses them). winnet reads at most 200 levels of nesting; deeper documents are reported instead of read.',
  remedy: 'Fix the syntax at the reported position.',
  examples: { bad: 'services:\n  web:\n    ports: [80\n' },
  sources: ['CS-SCHEMA'],
};
