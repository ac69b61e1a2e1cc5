import type { RuleMeta } from './types';

/** Problems found while loading a compose file set (include / extends); reported by the set loader. */
export const COMPOSE_REFERENCE_RULE_ID = 'compose-reference';

export const composeReferenceMeta: RuleMeta = {
  id: COMPOSE_REFERENCE_RULE_ID,
  title: '`include` or `extends` that cannot be followed',
  defaultSeverity: 'error',
  kinds: ['compose'],
  target: 'any',
  fixable: false,
  description:
    'winnet checks a compose project as Windows will run it: the files given together (`docker compose -f a.yml -f b.yml`, or a file and its `.override` file), the files they `include`, and the services they `extend`, merged by the compose rules. An `include` or `extends.file` that cannot be read, an `extends` naming a service the file does not define, and an `include` or `extends` loop are reported here; compose itself refuses such a project. The rest of the set is still checked. A path or service name with a compose variable (`${COMMON_DIR}/networks.yml`) is not followed, since its value is known only when compose runs: that is information, not an error.',
  remedy: 'Correct the path or service name, or break the loop.',
  examples: { bad: 'include:\n  - ./missing.yml\nservices:\n  web:\n    extends:\n      file: base.yml\n      service: no-such-service' },
  errors: ['cannot extend service <service> in <file>: service <service> not found', 'include cycle detected'],
  sources: ['CS-SVC', 'https://github.com/compose-spec/compose-spec/blob/main/14-include.md'],
};
