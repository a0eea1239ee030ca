#!/usr/bin/env bash
# Builds the embedded database, FerretDB, from the Go module proxy into .tools/bin.
# `go install …/cmd/ferretdb@v1.24.2` alone yields a binary that panics at start: the module
# ships without build/version/version.txt, which FerretDB's own build generates from git.
# So we fetch the same module through the proxy, add that one file and build it
# (docs/decisions/0002-embedded-ferretdb.md).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="v1.24.2"
MODULE="github.com/FerretDB/FerretDB"
TOOLS="$PWD/.tools"
BIN="$TOOLS/bin/ferretdb"

if [ -n "${MONGODB_URI:-}" ] && [ "${BUILD_FERRETDB:-}" != "1" ]; then
  echo "[setup:db] MONGODB_URI is set: the embedded database is not needed, skipping its build."
  exit 0
fi

if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "version: $VERSION"; then
  echo "[setup:db] FerretDB $VERSION already built at .tools/bin/ferretdb"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "[setup:db] Go is required to build the embedded database (FerretDB $VERSION)." >&2
  echo "[setup:db] Install Go 1.22+ or set MONGODB_URI to an existing MongoDB." >&2
  exit 1
fi

echo "[setup:db] building FerretDB $VERSION from the Go module proxy (first run takes a few minutes)…"
src_dir=$(cd /tmp && GOFLAGS= go mod download -json "$MODULE@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src_dir" ] || [ ! -d "$src_dir" ]; then
  echo "[setup:db] could not download $MODULE@$VERSION through the Go module proxy" >&2
  exit 1
fi

build_dir="$TOOLS/src/ferretdb-$VERSION"
rm -rf "$build_dir"
mkdir -p "$TOOLS/src" "$TOOLS/bin"
cp -R "$src_dir" "$build_dir"
chmod -R u+w "$build_dir"
echo "$VERSION" > "$build_dir/build/version/version.txt"
(cd "$build_dir" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$BIN" ./cmd/ferretdb)
rm -rf "$build_dir"
"$BIN" --version | head -1
echo "[setup:db] FerretDB $VERSION built at .tools/bin/ferretdb"
