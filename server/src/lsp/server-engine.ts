/**
 * What the language server takes from the engine, as one module: server.ts requires it after it has answered
 * `initialize`, and esbuild.js bundles it apart (dist/engine.js), so the editor gets the server's capabilities
 * without waiting for the rules, knowledge tables and schemas to compile and load.
 */
export { partnersOf } from '../compose/loader';
export { composeFilesFrom } from '../compose/environment';
export { isEnvFileName } from '../documents/kind';
export { explainRequest } from './explain-request';
export { FileSets, needsSet, setPathsFor } from '../service/file-sets';
export { documentLinks } from '../service/document-links';
export { documentStatus } from '../service/document-status';
export { createFolderLanguageService } from '../service/folder-services';
export { ProjectEnvironments } from '../service/project-environments';
export { hnsProviders } from '../service/providers';
export { DEFAULT_DEBOUNCE_MS, settingsFrom } from '../service/settings';
export { variablesUsedBy, variableNames } from '../service/used-variables';
