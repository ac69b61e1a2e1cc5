/**
 * The HNS side of winnet for editors and engines: the HNS model of a document, and schema-driven hover and
 * completion for HNS v1 / HCN v2 JSON and the HNS policies of CNI configs. Pure functions: no LSP types, no fs.
 */
export { hnsHover, type HnsHover, type HnsEditingOptions } from './hover';
export { hnsCompletions, type HnsCompletionItem, type HnsCompletionOptions } from './complete';
export { hnsModel } from './model';
export type { HnsModel, NetworkModel, EndpointModel, PolicyUse, SubnetModel } from './model';
