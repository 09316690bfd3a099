#!/usr/bin/env bash
# Installs what the real-VS-Code test host needs, idempotently (a fast no-op once done):
#   - Debian packages: chromium (headless UI for code-server), ripgrep (stands in for @vscode/ripgrep's
#     GitHub download), libkrb5-dev + build tools (code-server's native modules are compiled here)
#   - test/host/node_modules/code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20)
# Override the install folder with CODE_SERVER_DIR. Needs Node 20 and root for apt-get.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST_DIR="${CODE_SERVER_DIR:-$ROOT/test/host}"
STAMP="$HOST_DIR/node_modules/.vscode-host-ok"
RG_PKG_VERSION=1.15.11            # @vscode/ripgrep version inside code-server 4.100.3's lib/vscode
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

if [[ -f "$STAMP" && -x /usr/bin/chromium ]]; then exit 0; fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  echo "setup-vscode-host: code-server 4.100.3 needs Node 20 (found $(node -v))" >&2; exit 1
fi

need=()
for p in chromium ripgrep libkrb5-dev pkg-config make g++ python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if ((${#need[@]})); then
  echo "setup-vscode-host: apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [[ -f "$STAMP" ]]; then exit 0; fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless this cache file exists.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [[ ! -f "$RG_CACHE/$RG_ASSET" ]]; then
  stage="$(mktemp -d)"; cp /usr/bin/rg "$stage/rg"
  mkdir -p "$RG_CACHE"; tar czf "$RG_CACHE/$RG_ASSET" -C "$stage" rg; rm -rf "$stage"
fi

cd "$HOST_DIR"
# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which must not prompt.
# nodedir: build native modules against the local Node headers (no download).
nodedir_env=()
[[ -d /usr/include/node ]] && nodedir_env=(npm_config_nodedir=/usr)
echo "setup-vscode-host: installing code-server 4.100.3 into $HOST_DIR (about a minute)"
env npm_config_unsafe_perm=true npm_config_yes=true "${nodedir_env[@]}" \
  npm ci --no-audit --no-fund --loglevel=error
chk="$(mktemp -d)"
XDG_DATA_HOME="$chk" XDG_CONFIG_HOME="$chk" node node_modules/code-server/out/node/entry.js --config /dev/null --version >/dev/null
rm -rf "$chk"
touch "$STAMP"
echo "setup-vscode-host: ok ($(du -sh node_modules | cut -f1) in $HOST_DIR/node_modules)"
