/**
 * Template placeholders in HNS and CNI files (`__K8S_SERVICE_CIDR__`, `{{HOST_IP}}`, `<GUID>`): configs shipped as
 * templates are rendered before use, so a placeholder is not a wrong value and is not checked as one.
 */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /^__[A-Za-z0-9_]+__$|\{\{[^}]*\}\}|^<[^<>]+>$|^\$\{[^}]+\}$/.test(value.trim());
}
