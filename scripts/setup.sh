#!/usr/bin/env bash
# Installs everything Heard's tests need on a fresh Debian machine, then the npm packages.
# Safe to run again. Used by the README's test command and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "== System packages (Chromium for end-to-end tests, poppler to read PDFs back, Noto fonts, PostgreSQL)"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-noto-core postgresql ca-certificates >/dev/null

echo "== PostgreSQL"
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
# Tests connect over TCP as postgres with this password (ignored where auth is trust).
as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null

echo "== npm packages (Node $(node --version), npm $(npm --version))"
# Electron's binary cannot be fetched here and is not needed for the tests.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
