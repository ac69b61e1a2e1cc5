/**
 * Template placeholders in HNS and CNI files (`__K8S_SERVICE_CIDR__`, `{{HOST_IP}}`, `<your service cidr>`,
 * `${VAR}`): configs shipped as templates are rendered before use. A placeholder is not a wrong value, so the value
 * rules skip it; if the file is used as it is, though, the text reaches the plugin and HNS as it stands, which
 * `hns-placeholder` says once per value (containerd/containerd#5729: Calico's installer left `<your service cidr>`
 * in an OutBoundNAT exception list and an SDNRoute, and the endpoint HNS created from them was degraded).
 */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /^__[A-Za-z0-9_]+__$|\{\{[^}]*\}\}|^<[^<>]+>$|^\$\{[^}]+\}$/.test(value.trim());
}

/** Template file endings: `cni.conf.template`, `10-calico.conflist.j2`, `net.json.tmpl`, autoconf's `.in`, ... */
const TEMPLATE_SUFFIX = /\.(template|tmpl|tpl|in|j2|jinja2?|erb|mustache|hbs|gotmpl)$/i;
/** `template` as a word of the name: `l2bridge-dualstack-cni-template.conf`, `cni.template.json`. */
const TEMPLATE_WORD = /(^|[._-])templates?([._-]|$)/i;

/**
 * A file that says it is a template: by its name, or by a `template(s)` folder on its path. Such a file holds its
 * placeholders on purpose and is rendered before use (microsoft/windows-container-networking's
 * `l2bridge-dualstack-cni-template.conf`, Calico's `cni.conf.template`).
 */
export function isTemplatePath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const name = parts.pop() ?? '';
  return TEMPLATE_SUFFIX.test(name) || TEMPLATE_WORD.test(name) || parts.some((dir) => /^templates?$/i.test(dir));
}
