#!/usr/bin/env bash
# Assembles the release bundle that infra/Dockerfile copies into the image (images are not built here):
#   1. the repository's files as they are in the working tree (tracked, and new ones git does not ignore);
#   2. node_modules as `npm ci` installed them, the workspaces' own included (hard links when on the same
#      file system: nothing in the bundle writes to them);
#   3. a production build (`npm run build -w @zones/web`) made in the bundle with the `node` on PATH, into
#      apps/web/.next, without Next's build cache.
# Not pruned to production dependencies: the worker, migrations, seed and user:create run TypeScript
# through tsx, a development dependency.
#
# Usage: .ci/bundle.sh OUT (a folder that does not exist yet). .ci/node24.sh builds one and runs it.
set -euo pipefail

out=${1:?usage: .ci/bundle.sh OUT}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -e "$out" ]; then
  echo "✗ $out exists: the bundle goes into a new folder" >&2
  exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"

started=$SECONDS
git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf - |
  tar -xf - -C "$out"

for modules in node_modules apps/*/node_modules packages/*/node_modules; do
  [ -d "$modules" ] || continue
  mkdir -p "$out/$(dirname "$modules")"
  cp -al "$modules" "$out/$modules" 2>/dev/null || { rm -rf "${out:?}/$modules"; cp -a "$modules" "$out/$modules"; }
done
echo "› bundle: files and node_modules copied to $out in $((SECONDS - started)) s"

started=$SECONDS
(cd "$out" && env -u NEXT_DIST_DIR NODE_ENV=production npm run build -w @zones/web >"$out/.build.log" 2>&1) || {
  tail -n 60 "$out/.build.log" >&2
  echo "✗ the production build failed (log: $out/.build.log)" >&2
  exit 1
}
grep -E "Next\.js|Compiled|Generating static" "$out/.build.log" || true
rm -rf "$out/apps/web/.next/cache" "$out/.build.log"
test -f "$out/apps/web/.next/BUILD_ID"
echo "› bundle: built with Node $(node --version) in $((SECONDS - started)) s ($(du -sh --apparent-size "$out" | cut -f1))"
