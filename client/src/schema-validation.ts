/**
 * What `winnet.schemaValidation: auto` means: validate compose files against the compose-spec schema, unless Red Hat
 * YAML (`redhat.vscode-yaml`) already does, so that no schema error shows twice, and none is missed.
 *
 * Red Hat YAML validates compose files through SchemaStore's compose schema, but since 1.24.0 it turns that schema
 * detection off for compose file names when Docker DX (`docker.docker`) is installed and its
 * `docker.extension.enableComposeLanguageServer` is not `false` (redhat-developer/vscode-yaml CHANGELOG 1.24.0,
 * #1251 and #1261; `getAutoDisabledSchemaDetectionExtensions` in src/autoDisableSchemaDetection.ts reads that setting
 * with `true` as its default). From 1.25 it keeps this out of the user's settings (redhat-developer/vscode-yaml#1271),
 * so `yaml.disableSchemaDetection` no longer shows it: the rule is replicated here. Docker DX's compose language
 * server does not validate against the schema (docker/docker-language-server#167), and Docker's FAQ tells users to
 * turn it on (docker/vscode-extension commit 5aa4507, FAQ.md); Container Tools (`ms-azuretools.vscode-containers`)
 * reports YAML syntax only ("At present schema validation is not supported", microsoft/vscode-containers
 * packages/compose-language-service/src/service/providers/DiagnosticProvider.ts). So with Red Hat YAML and Docker DX
 * whose compose server is on, nobody else validates the schema, and winnet must.
 *
 * Pure: extension.ts reads the extensions and settings and asks again when either changes.
 */

export type SchemaValidation = 'on' | 'off';

/** What the decision reads: which extensions are installed, and the settings that change what they validate. */
export interface YamlEditors {
  /** Red Hat YAML, when installed. */
  redHatYaml?: {
    /** Its version (`packageJSON.version`), when known. */
    version?: unknown;
    /** `yaml.validate`: `false` turns all its validation off. */
    validate?: unknown;
    /** `yaml.schemaStore.enable`: `false` drops SchemaStore's schemas, the compose schema among them. */
    schemaStore?: unknown;
    /** `yaml.disableSchemaDetection` (1.24+): glob patterns of files it associates no schema with. */
    disableSchemaDetection?: unknown;
  };
  /** Docker DX, when installed: its `docker.extension.enableComposeLanguageServer` (undefined when not set and not registered). */
  dockerDx?: { composeLanguageServer?: unknown };
}

export interface SchemaValidationDecision {
  value: SchemaValidation;
  /** Why, for the output channel and the settings' documentation. */
  reason: string;
}

/** The first Red Hat YAML release that stops validating compose files next to Docker DX. */
const AUTO_DISABLE_SINCE: readonly [number, number] = [1, 24];

/** The effective value of `winnet.schemaValidation` (`setting` as read; anything but `on`/`off` is `auto`). */
export function decideSchemaValidation(setting: unknown, editors: YamlEditors): SchemaValidationDecision {
  if (setting === 'on' || setting === 'off') return { value: setting, reason: `winnet.schemaValidation is ${setting}` };
  const redHat = redHatValidatesCompose(editors);
  return redHat.validates ? { value: 'off', reason: `auto: off, since ${redHat.reason}` } : { value: 'on', reason: `auto: on, since ${redHat.reason}` };
}

/** Whether Red Hat YAML validates compose files against the compose schema, and why (or why not). */
function redHatValidatesCompose(editors: YamlEditors): { validates: boolean; reason: string } {
  const yaml = editors.redHatYaml;
  if (!yaml) return { validates: false, reason: 'Red Hat YAML is not installed' };
  if (yaml.validate === false) return { validates: false, reason: 'Red Hat YAML validates nothing (`yaml.validate` is false)' };
  if (yaml.schemaStore === false)
    return { validates: false, reason: "Red Hat YAML has no compose schema (`yaml.schemaStore.enable` is false, and the compose schema is SchemaStore's)" };
  if (Array.isArray(yaml.disableSchemaDetection) && yaml.disableSchemaDetection.some((p) => typeof p === 'string' && /compose/i.test(p)))
    return { validates: false, reason: 'Red Hat YAML detects no schema for compose files (`yaml.disableSchemaDetection` names them)' };
  const version = parseVersion(yaml.version);
  if (version && compare(version, AUTO_DISABLE_SINCE) < 0)
    return { validates: true, reason: `Red Hat YAML ${String(yaml.version)} validates compose files (only 1.24 and later leave them to Docker DX)` };
  if (!editors.dockerDx) return { validates: true, reason: 'Red Hat YAML validates compose files (Docker DX is not installed)' };
  // Red Hat YAML reads the setting with `true` as its default: only an explicit `false` keeps it validating.
  if (editors.dockerDx.composeLanguageServer === false)
    return { validates: true, reason: "Red Hat YAML validates compose files (Docker DX's compose language server is off)" };
  return {
    validates: false,
    reason: 'Red Hat YAML leaves compose files to Docker DX when its compose language server is on, and that server does not validate the compose schema',
  };
}

function parseVersion(value: unknown): [number, number] | undefined {
  const m = typeof value === 'string' ? /^(\d+)\.(\d+)/.exec(value) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function compare(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
