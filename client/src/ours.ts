/**
 * Whether a document may be one winnet checks, decided cheaply in the extension host so that the language server
 * (a Node process of about 70 MB) starts only when there is work for it: on the first compose file, env file, HNS
 * or HCN JSON or Windows CNI config, not on every YAML or JSON file of a workspace that has none.
 *
 * By name first (compose file names, `*.env`, `*.hns.json`), then by the first part of the text: compose's
 * top-level keys, HNS/HCN keys, a CNI config with a Windows plugin or HNS policies, a `docker` command (scripts and
 * CI files). The server decides for real (server/src/documents/kind.ts); this errs the other way: a false start
 * costs memory, a missed start costs findings, so anything that may be ours is.
 */

export interface Sniffed {
  /** The file path or URI path (forward or back slashes). */
  path: string;
  /** The editor's language id. */
  languageId: string;
  /** The start of the text (at least the first `SNIFF_CHARS` characters when the document is longer). */
  text: string;
  /** The document's whole length, to tell a cut text from a short one. */
  length?: number;
}

/** How much of a document is read. Compose keys come first in practice; a long `x-` block before them is handled. */
export const SNIFF_CHARS = 64 * 1024;

// The server's names (documents/kind.ts): compose and stack files, env files.
const COMPOSE_NAME = /(^|[\\/])((docker-)?compose|docker-stack)([.-][^\\/]*)?\.ya?ml$/i;
const ENV_NAME = /(^|[\\/])[^\\/]*\.env$/i;
const HNS_NAME = /\.(hns|hcn)\.json$/i;
const JSON_NAME = /\.(json|jsonc|conf|conflist)$/i;
const YAML_NAME = /\.ya?ml$/i;

/** A compose top-level key that only compose files have at the top (`services:`, `"networks":`, `include:`). */
const COMPOSE_KEY = /^\ufeff?["']?(services|networks|include)["']?[ \t]*:/m;
/** Any top-level key, to tell whether a cut text has shown only keys compose files also have. */
const TOP_KEY = /^\ufeff?["']?([A-Za-z_][\w.-]*)["']?[ \t]*:/gm;
const COMPOSE_PREAMBLE = /^(version|name|volumes|configs|secrets|x-.*)$/;

/** HNS v1 and HCN v2 keys (documents/kind.ts), as JSON keys in the text. */
const HNS_KEY =
  /"(SchemaVersion|Ipams|HostComputeNetwork|IpConfigurations|HostComputeEndpoints|FrontendVIPs|NamespaceId|References|VirtualNetwork|VirtualNetworkName|NetworkAdapterName|DNSServerList|Subnets|MacPools|IPAddress)"\s*:/;
/** A bare HNS object or policy: `"Type"` with `"Settings"`, `"Name"` or `"Policies"`. */
const HNS_TYPE = /"Type"\s*:/;
const HNS_TYPE_PARTNER = /"(Settings|Name|Policies)"\s*:/;
/** A CNI config, ours only when it is a Windows one: a Windows plugin, or HNS policies it hands on. */
const CNI_VERSION = /"cniVersion"\s*:/i;
const WINDOWS_CNI =
  /"type"\s*:\s*"(sdnbridge|sdnoverlay|nat|l2bridge|l2tunnel|win-bridge|win-overlay|wincni(\.exe)?)"|"name"\s*:\s*"[A-Za-z]*Policy"|"AdditionalArgs"\s*:/i;
/** A docker command winnet reads in a CI file or script. */
const DOCKER_COMMAND = /\bdocker(\.exe)?\s+(network\s+(create|connect)|run|create|container\s+(run|create)|service\s+create)\b/i;

export function mayBeOurs(doc: Sniffed): boolean {
  const { path, languageId } = doc;
  if (COMPOSE_NAME.test(path) || ENV_NAME.test(path) || HNS_NAME.test(path)) return true;
  // Docker DX and Container Tools give compose files this language, by name or by the user's choice.
  if (languageId === 'dockercompose') return true;
  const text = doc.text.length > SNIFF_CHARS ? doc.text.slice(0, SNIFF_CHARS) : doc.text;
  const cut = (doc.length ?? doc.text.length) > text.length;
  const json = /json/i.test(languageId) || JSON_NAME.test(path) || (!YAML_NAME.test(path) && /^\ufeff?\s*[[{]/.test(text));
  if (json) return jsonMayBeOurs(text);
  return yamlMayBeOurs(text, cut) || DOCKER_COMMAND.test(text);
}

function jsonMayBeOurs(text: string): boolean {
  if (CNI_VERSION.test(text)) return WINDOWS_CNI.test(text);
  if (HNS_KEY.test(text)) return true;
  return HNS_TYPE.test(text) && HNS_TYPE_PARTNER.test(text);
}

function yamlMayBeOurs(text: string, cut: boolean): boolean {
  if (COMPOSE_KEY.test(text)) return true;
  // YAML flow style or JSON-looking YAML: `{"services": ...}` on one line.
  if (/^\ufeff?\s*\{/.test(text) && /["']?(services|networks|include)["']?\s*:/.test(text.slice(0, 4096))) return true;
  if (!cut) return false;
  // Only the start was read, and every top-level key in it is one a compose file may begin with (a long `x-`
  // anchor block): the compose keys may follow.
  const keys = [...text.matchAll(TOP_KEY)].map((m) => m[1]);
  return keys.length > 0 && keys.every((k) => COMPOSE_PREAMBLE.test(k));
}
