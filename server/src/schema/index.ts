/**
 * Schema validation for winnet's rules: the compose-spec schema (compose-schema) and the HNS v1 / HCN v2 schemas
 * (hns-schema, also in HNS_RULES), both precompiled by scripts/compile-schemas.mjs.
 */
export { composeSchemaRule } from '../rules/compose-schema';
export { hnsSchemaRule } from '../rules/hns/schema';
export { validateTree, type PlacedProblem, type ValidateInput, type ValidateOutcome, type ValidatorFn } from './validate';
