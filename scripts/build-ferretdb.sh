#!/usr/bin/env bash
# Builds the embedded database, FerretDB, from the Go module proxy into .tools/bin.
# `go install …/cmd/ferretdb@v1.24.2` alone yields a binary that panics at start: the module
# ships without build/version/version.txt, which FerretDB's own build generates from git.
# So we fetch the same module through the proxy, add that one file, apply our patches in
# scripts/ferretdb/ to a copy of the source (never to the Go module cache) and build it
# (docs/decisions/0002-embedded-ferretdb.md, 0011-ferretdb-id-lookups.md).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="v1.24.2"
MODULE="github.com/FerretDB/FerretDB"
ROOT="$PWD"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin/ferretdb"
PATCHES=(scripts/ferretdb/*.patch)
# What the binary was built from: the version and the patches' content. A binary built from
# anything else (a stock build, older patches) is rebuilt.
BUILD_ID="$VERSION $(cat "${PATCHES[@]}" | sha256sum | cut -c1-16)"
STAMP="$BIN.build-id"

if [ -n "${MONGODB_URI:-}" ] && [ "${BUILD_FERRETDB:-}" != "1" ]; then
  echo "[setup:db] MONGODB_URI is set: the embedded database is not needed, skipping its build."
  exit 0
fi

if [ -x "$BIN" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$BUILD_ID" ]; then
  echo "[setup:db] FerretDB $BUILD_ID already built at .tools/bin/ferretdb"
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

# Outside the repository: `git apply` run inside a work tree would resolve paths against it.
work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT
build_dir="$work_dir/ferretdb-$VERSION"
mkdir -p "$TOOLS/bin"
cp -R "$src_dir" "$build_dir"
chmod -R u+w "$build_dir"
echo "$VERSION" > "$build_dir/build/version/version.txt"
for patch in "${PATCHES[@]}"; do
  echo "[setup:db] applying $patch"
  git -C "$build_dir" apply "$ROOT/$patch"
done
rm -f "$STAMP"
# Built beside the target and moved into place, so an interrupted build never leaves a
# half-written binary that a running API could start.
(cd "$build_dir" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$BIN.new" ./cmd/ferretdb)
mv -f "$BIN.new" "$BIN"
echo "$BUILD_ID" > "$STAMP"
# sed reads to the end: `head -1` would close the pipe early, and under pipefail the SIGPIPE fails the build.
"$BIN" --version | sed -n 1p
echo "[setup:db] FerretDB $BUILD_ID built at .tools/bin/ferretdb"
