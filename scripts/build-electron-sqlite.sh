#!/usr/bin/env bash
# Builds the SQLite addon (better-sqlite3-multiple-ciphers) for Electron's ABI and puts it where
# electron/core/db/native-binding.ts looks for it:
#     resources/native/electron-<NODE_MODULE_VERSION>/better_sqlite3.node
# electron-builder.yml ships that folder as extraResources; node_modules keeps the Node build for
# tests, the CLI and the web host. The two builds live side by side.
#
# Run this on a machine that can download Electron's headers (electronjs.org) and, to read the
# ABI number, Electron itself (`npm install` fetches it). The build machines used for this project
# cannot; there the script stops at the header download with a message.
#
# Environment (all optional):
#   ELECTRON_VERSION  defaults to the installed electron package's version
#   ELECTRON_ABI      defaults to what Electron itself reports (process.versions.modules)
#   TARGET_ARCH       defaults to this machine's architecture (x64, arm64, ...)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PKG=better-sqlite3-multiple-ciphers

# A `nodedir=/usr` npm setting (present on some machines) makes node-gyp build against Node's
# headers and report success: the result then crashes Electron at start. Clear every form of it,
# and call node-gyp directly rather than through npm/npx, which would put it back.
unset npm_config_nodedir NPM_CONFIG_NODEDIR npm_config_node_gyp 2>/dev/null || true

ELECTRON_VERSION="${ELECTRON_VERSION:-$(node -p "require('electron/package.json').version")}"
TARGET_ARCH="${TARGET_ARCH:-$(node -p 'process.arch')}"

if [[ -f node_modules/node-gyp/bin/node-gyp.js ]]; then
  NODE_GYP="$ROOT/node_modules/node-gyp/bin/node-gyp.js"
else
  NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
fi
[[ -f "$NODE_GYP" ]] || { echo "node-gyp was not found (looked in node_modules and npm's own copy)." >&2; exit 1; }

if [[ -z "${ELECTRON_ABI:-}" ]]; then
  ELECTRON_BIN="$(node -p "require('electron')" 2>/dev/null || true)"
  if [[ -n "$ELECTRON_BIN" && -x "$ELECTRON_BIN" ]]; then
    ELECTRON_ABI="$(ELECTRON_RUN_AS_NODE=1 "$ELECTRON_BIN" -p 'process.versions.modules')"
  else
    echo "Electron is not downloaded here, so its ABI number is unknown. Set ELECTRON_ABI" >&2
    echo "(process.versions.modules inside Electron $ELECTRON_VERSION) and run again." >&2
    exit 1
  fi
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Build in a copy, so node_modules keeps its Node build for tests and the CLI.
cp -R "node_modules/$PKG" "$WORK/$PKG"
rm -rf "$WORK/$PKG/build"

echo "Building $PKG for Electron $ELECTRON_VERSION (ABI $ELECTRON_ABI, $TARGET_ARCH)..."
(
  cd "$WORK/$PKG"
  node "$NODE_GYP" rebuild --release \
    --target="$ELECTRON_VERSION" \
    --arch="$TARGET_ARCH" \
    --dist-url=https://electronjs.org/headers \
    --devdir="$WORK/.electron-gyp"
)

BUILT="$WORK/$PKG/build/Release/better_sqlite3.node"
[[ -f "$BUILT" ]] || { echo "The build finished but produced no better_sqlite3.node." >&2; exit 1; }

# Guard against a silent Node-headers build: the headers used must be Electron's.
if ! grep -q "\"nodedir\": \"$WORK/.electron-gyp/$ELECTRON_VERSION\"" "$WORK/$PKG/build/config.gypi"; then
  echo "The addon was not built against Electron $ELECTRON_VERSION's headers (see build/config.gypi)." >&2
  exit 1
fi
# And an Electron build must refuse to load in plain Node (different NODE_MODULE_VERSION).
if node -e "require(process.argv[1])" "$BUILT" 2>/dev/null; then
  echo "The new addon loads in plain Node, so it was built for Node, not Electron. Not installing it." >&2
  exit 1
fi

DEST="resources/native/electron-$ELECTRON_ABI"
mkdir -p "$DEST"
cp "$BUILT" "$DEST/better_sqlite3.node"
echo "Installed $DEST/better_sqlite3.node"
