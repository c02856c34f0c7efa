#!/usr/bin/env bash
# Vendors the web page's graph library from the npm registry into web/vendor/,
# so building newsgraph needs neither npm nor the network: Cytoscape.js, and
# its fcose layout (with the two packages fcose runs on), which packs the many
# small components of a news graph far better than the built-in layouts.
# Run it to change a pinned version; commit what it writes.
set -euo pipefail

# package@version  file in the package
PACKAGES=(
  "cytoscape@3.34.4 dist/cytoscape.min.js"
  "layout-base@2.0.1 layout-base.js"
  "cose-base@2.2.0 cose-base.js"
  "cytoscape-fcose@2.2.0 cytoscape-fcose.js"
)

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/web/vendor"
command -v npm >/dev/null 2>&1 || { echo "vendor-web: npm is missing (Debian: apt-get install npm)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$dest"

rows=""
for entry in "${PACKAGES[@]}"; do
  read -r spec file <<<"$entry"
  name="${spec%@*}" version="${spec##*@}"
  # npm pack fetches the registry's tarball and checks its integrity (sha512).
  tarball="$(cd "$tmp" && npm pack --silent "$spec" 2>/dev/null | tail -n1)"
  mkdir -p "$tmp/$name"
  tar -xzf "$tmp/$tarball" -C "$tmp/$name"
  pkg="$tmp/$name/package"
  [ -f "$pkg/$file" ] || { echo "vendor-web: $spec has no $file" >&2; exit 1; }
  out="$(basename "$file")"
  cp "$pkg/$file" "$dest/$out"
  cp "$pkg/LICENSE" "$dest/$name.LICENSE"
  license="$(node -p "require('$pkg/package.json').license")"
  sum="$(sha256sum "$dest/$out" | cut -d' ' -f1)"
  rows+="| \`$out\` | [$name](https://www.npmjs.com/package/$name) | $version | $license (\`$name.LICENSE\`) | \`$sum\` |"$'\n'
  echo "vendor-web: $spec -> web/vendor/$out ($sum)"
done

cat >"$dest/README.md" <<MD
# Vendored JavaScript

Written by \`scripts/vendor-web.sh\` from the npm registry; do not edit by hand.
\`src/serve/assets.rs\` compiles these files into the binary, so the page
works offline and building needs no npm.

| file | package | version | license | sha256 |
|---|---|---|---|---|
$rows
To update: change a version in \`scripts/vendor-web.sh\`, run it, look at the
page (\`cargo test --release --test web\` writes a screenshot), commit \`web/vendor/\`.
MD
