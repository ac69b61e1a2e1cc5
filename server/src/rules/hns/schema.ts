import { hnsModel, type HnsModel } from '../../hns/model';
import { isPlaceholder } from '../../hns/placeholder';
import { isCutByConvertToJson } from '../../hns/truncated-dump';
import type { Rule, RuleContext } from '../types';
import { withContext } from '../../schema/context';
import { schemaFor, validatorFor } from '../../schema/hns-validators';
import { validateTree, type PlacedProblem, type ValidatorFn } from '../../schema/validate';

interface Target {
  pointer: string;
  validator: ValidatorFn;
  schema: 'v1' | 'v2';
}

/** What to validate: each object of an HNS document; in a CNI config, each embedded policy by its shape. */
function targets(model: HnsModel): Target[] {
  if (model.schema !== 'cni') return model.objects.map((o) => ({ pointer: o.pointer, validator: validatorFor(o.kind), schema: o.schema }));
  // A v2 type written flat for Calico has no schema of its own: its values are still checked field by field.
  return model.policies
    .filter((p) => !p.cni?.flat)
    .map((p) => ({
      pointer: p.pointer,
      schema: p.schema,
      validator: validatorFor(p.schema === 'v1' ? 'V1Policy' : p.location === 'network' ? 'NetworkPolicy' : 'EndpointPolicy'),
    }));
}

/** A policy `Type` that names a policy of another location is hns-policy-location's finding, worded better there. */
function misplacedTypes(model: HnsModel): Set<string> {
  return new Set(model.policies.filter((p) => !p.spec && p.elsewhere && p.typePair).map((p) => `${p.pointer}/Type`));
}

function report(ctx: RuleContext, problem: PlacedProblem): void {
  if (problem.keyword === 'additionalProperties' && problem.target.kind === 'property-key') {
    // Unknown keys: HNS's reaction is not documented (nothing published says whether it ignores or refuses them), so a warning.
    const { property, suggestion, caseOnly } = problem.detail ?? {};
    const message = caseOnly
      ? `\`${property}\` differs from the documented key \`${suggestion}\` only in case: write \`${suggestion}\` (whether HNS matches keys case-insensitively is not documented).`
      : suggestion
        ? `\`${property}\` is not an HNS field here: did you mean \`${suggestion}\`? HNS does not read it.`
        : `\`${property}\` is not an HNS field here; HNS does not read it.`;
    ctx.report({ span: problem.span, severity: 'warning', message });
    return;
  }
  ctx.report({ span: problem.span, message: withContext(problem) });
}

/** schemas/hns-v1.schema.json and schemas/hcn-v2.schema.json, built from the knowledge tables. */
export const hnsSchemaRule: Rule = {
  meta: {
    id: 'hns-schema',
    title: 'HNS document does not match the HNS v1 / HCN v2 schema',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      "Checks HNS v1 and HCN v2 JSON (networks, endpoints, namespaces, load balancers, routes, policy lists and policies, alone or in an array) and the HNS policies embedded in Windows CNI configs against winnet's schemas, which follow the published HCN schema and what real clients send: enum values by name in any case or as integers, flags as integer bit masks, and the read-only fields of `Get-HnsNetwork` output. HNS answers a value of the wrong type with HCN_E_INVALID_JSON or an invalid-policy error. Every object is classified by its keys and checked as that object.",
    remedy: 'Fix the value as the message says. Unknown keys are warnings: check the spelling (HNS keys are PascalCase) or remove them.',
    caveat:
      'Where the schema and the clients disagree (flag names vs integers, `ExceptionList` vs `Exceptions`, `Routes` vs `Setting`, `Id` vs `ID`, `Domain` vs `Suffix`), both spellings are accepted. Whether HNS ignores or refuses unknown keys is not documented, so they are warnings. Template placeholders (`__X__`, `{{X}}`) are not checked.',
    examples: {
      bad: '{\n  "Name": "lan",\n  "Type": "Transparnet",\n  "Subnets": [{ "AddressPrefix": "10.10.0.0/24", "GatewayAddres": "10.10.0.1" }]\n}',
      good: '{\n  "Name": "lan",\n  "Type": "transparent",\n  "Subnets": [{ "AddressPrefix": "10.10.0.0/24", "GatewayAddress": "10.10.0.1" }]\n}',
    },
    errors: ['Invalid JSON document string (0x803b001b)'],
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'SDN-V2', 'HCN-HR', 'https://github.com/projectcalico/calico/issues/8465'],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    const skip = misplacedTypes(model);
    for (const target of targets(model)) {
      const outcome = validateTree({
        root: ctx.doc.root,
        text: ctx.doc.text,
        language: ctx.doc.language,
        validator: target.validator,
        base: target.pointer,
        schema: schemaFor(target.schema),
        // A template placeholder is rendered before use; a cut ConvertTo-Json value is hns-truncated-dump's finding.
        deferred: (value) => isPlaceholder(value) || isCutByConvertToJson(value),
      });
      if (!outcome.ok) {
        ctx.report({ span: { start: 0, end: 0 }, severity: 'information', message: `Not checked against the HNS schema: ${outcome.reason}.` });
        return;
      }
      for (const problem of outcome.problems) if (!skip.has(problem.pointer)) report(ctx, problem);
    }
  },
};
