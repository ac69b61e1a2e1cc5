import type { RuleMeta } from './types';

/** Parse errors are reported by the engine under this id; the metadata is here for the docs and SARIF. */
export const SYNTAX_RULE_ID = 'syntax';

export const syntaxMeta: RuleMeta = {
  id: SYNTAX_RULE_ID,
  title: 'The file does not parse',
  defaultSeverity: 'error',
  kinds: ['compose', 'hns-v1', 'hcn-v2', 'cni'],
  target: 'any',
  fixable: true,
  description:
    'A compose file that is not valid YAML, or an HNS / CNI document that is not valid JSON, is reported at the place the parser stopped. Duplicate mapping keys are errors too (compose refuses them). winnet reads at most 200 levels of nesting; deeper documents are reported instead of read. Characters that look like spaces but are not (a no-break space `U+00A0` pasted from a web page, an ideographic space) are one finding per file, with a fix that replaces them with spaces: in JSON outside strings, where strict parsers refuse them (RFC 8259 allows only space, tab, CR and LF), and in YAML indentation, which is spaces only (YAML 1.2), so such a line is read as a key at column 0.',
  remedy: 'Fix the syntax at the reported position; for irregular spaces, apply the fix.',
  examples: { bad: 'services:\n  web:\n    ports: [80\n' },
  errors: [
    'yaml: line 3: mapping values are not allowed in this context',
    'yaml: line 3: did not find expected key',
    "yaml: line 3: could not find expected ':'",
    'yaml: line 3: found character that cannot start any token',
    'line 7: mapping key <key> already defined at line 3',
    'Invalid JSON document string (0x803b001b)',
  ],
  sources: ['CS-SCHEMA', 'https://www.rfc-editor.org/rfc/rfc8259#section-2', 'https://yaml.org/spec/1.2.2/#61-indentation-spaces'],
};
