import type * as ComposeValidators from '../generated/compose-validators';
import composeSchema from '../generated/compose.schema.json';
import type { Rule } from './types';
import { isInterpolated } from '../compose/interpolation';
import { withContext } from '../schema/context';
import { validateParts, validateTree, type Part, type PartProblems, type PlacedProblem } from '../schema/validate';
import type { Language } from '../documents/kind';
import { asMap, get, isMergeKey, type Node, type Pair } from '../documents/tree';
import { formatPointer, parsePointer } from '../documents/pointer';
import { pathPattern, UNIQUE_BY } from '../compose/merge-rules';

// The generated validator (300 KB) is loaded on first use, and esbuild.js keeps it out of the server and CLI
// bundles (dist/validators/): a server that never opens a compose file never compiles it, and start-up is faster.
let validators: typeof ComposeValidators | undefined;
function composeValidators(): typeof ComposeValidators {
  return (validators ??= require('../generated/compose-validators') as typeof ComposeValidators);
}

/** Each service's schema problems while its node lives (see validateParts). */
const SERVICE_PROBLEMS = new WeakMap<Node, PartProblems>();

/**
 * The services, to validate one by one; undefined when the `services` mapping is not plain (a flow mapping, an
 * alias, a merge key, a tag on it or on a service (`!reset`), a duplicate name): the document is then validated
 * whole, as before.
 */
export function serviceParts(root: Node | undefined, validator: typeof ComposeValidators.validateService, language: Language) {
  const services = asMap(get(root, 'services'));
  if (!services || services.flow || services.anchor || services.tag || get(root, 'services')?.kind !== 'map') return undefined;
  // The YAML parser refuses a duplicate key (no tree at all), so only JSON needs the names counted.
  const names = language === 'json' ? new Set<string>() : undefined;
  const parts: Part[] = [];
  for (const pair of services.pairs) {
    if (isMergeKey(pair.key) || pair.value.tag !== undefined) return undefined;
    if (names) {
      const name = String(pair.key.value);
      if (names.has(name)) return undefined;
      names.add(name);
    }
    parts.push(partOf(pair, validator));
  }
  return parts;
}

/** A service's part is kept while its pair lives (as its problems are, in SERVICE_PROBLEMS): one per edit is new. */
const PARTS = new WeakMap<Pair, Part>();
function partOf(pair: Pair, validator: Part['validator']): Part {
  let part = PARTS.get(pair);
  if (!part || part.validator !== validator)
    PARTS.set(pair, (part = { base: formatPointer(['services', String(pair.key.value)]), node: pair.value, validator }));
  return part;
}

/**
 * compose deduplicates some lists before it validates (labels, environment, DNS servers, capabilities, ports,
 * ...: compose/merge-rules.ts), so a repeated item there is never its schema error; a repeated `security_opt`
 * item is.
 */
function dedupedByCompose(problem: PlacedProblem): boolean {
  if (problem.keyword !== 'uniqueItems') return false;
  const steps = parsePointer(problem.pointer);
  // The pointer names the repeated item; its list is the parent.
  const list = /^\d+$/.test(steps[steps.length - 1] ?? '') ? steps.slice(0, -1) : steps;
  return Object.hasOwn(UNIQUE_BY, pathPattern(list));
}

/** A top-level key holding `image` or `build` is a service written in the old file format 1 (no `services:`). */
function oldFormatHint(problem: PlacedProblem, root: Node | undefined): string | undefined {
  if (problem.keyword !== 'additionalProperties' || problem.pointer !== '' || problem.target.kind !== 'property-key') return undefined;
  const value = get(root, problem.target.property);
  if (!get(value, 'image') && !get(value, 'build')) return undefined;
  return `\`${problem.target.property}\` is not allowed here: it looks like a service in the old compose file format 1, which compose no longer reads. Move it under \`services:\`.`;
}

/**
 * The compose-spec JSON Schema, as the pinned dclint package ships it (compose-spec/compose-spec
 * `schema/compose-spec.json` from `main`, downloaded by dclint 3.1.0's release script), precompiled by
 * scripts/compile-schemas.mjs.
 */
export const composeSchemaRule: Rule = {
  meta: {
    id: 'compose-schema',
    title: 'Compose file does not match the compose specification',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'any',
    fixable: false,
    asWritten: true,
    description:
      'Docker Compose validates every file against the compose-spec JSON Schema before it does anything else, and refuses the file on the first mismatch. winnet validates against the same schema and reports every mismatch at once: an unknown key at the key, a wrong value at the value, a missing key at the key of the object that needs it. Values with `${VAR}` interpolation are left to compose, which checks them after substitution. When the Red Hat YAML extension already validates compose files, `winnet.schemaValidation: auto` turns this rule off so no error shows twice.',
    remedy: 'Fix the key or value as the message says; `x-` keys are free for your own use.',
    caveat:
      'The schema is compose-spec/compose-spec `schema/compose-spec.json` from `main`, as the pinned dclint 3.1.0 ships it (its release script downloads `main`; this copy already has `models`, `provider`, `use_api_socket` and `gw_priority`, so it is from 2025). A key added to compose after that snapshot is reported until dclint, and winnet with it, update.',
    examples: {
      bad: 'services:\n  web:\n    image: web\n    healthcheck:\n      interval: 30\n',
      good: 'services:\n  web:\n    image: web\n    healthcheck:\n      interval: 30s\n',
    },
    errors: ['<path> additional properties <name> not allowed', '<path> must be a mapping', '<path> must be a string'],
    sources: ['CS-SCHEMA', 'https://github.com/zavoloklom/docker-compose-linter'],
  },
  check(ctx) {
    const validators = composeValidators();
    const input = {
      root: ctx.doc.root,
      text: ctx.doc.text,
      language: ctx.doc.language,
      validator: validators.validateCompose,
      schema: composeSchema as Record<string, unknown>,
      deferred: isInterpolated,
    };
    const services = serviceParts(ctx.doc.root, validators.validateService, ctx.doc.language);
    const outcome = services ? validateParts({ ...input, parts: services, cache: SERVICE_PROBLEMS }) : validateTree(input);
    if (!outcome.ok) {
      ctx.report({ span: { start: 0, end: 0 }, severity: 'information', message: `Not checked against the compose schema: ${outcome.reason}.` });
      return;
    }
    for (const problem of outcome.problems) {
      if (dedupedByCompose(problem)) continue;
      ctx.report({ span: problem.span, message: oldFormatHint(problem, ctx.doc.root) ?? withContext(problem) });
    }
  },
};
