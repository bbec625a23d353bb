#!/usr/bin/env bash
# Builds the images of the deploy bundle with no container registry (the way
# images/runtime/build-offline.sh builds the sandbox image): a Debian bookworm root filesystem from
# debootstrap with Debian's caddy, postgresql and redis-server packages, then
#   spawnai-services:<hash>       Caddy, PostgreSQL and Redis (deploy/compose picks one per service)
#   spawnai-control-plane:<hash>  the same base + the host's Node 20 + production node_modules + SpawnAI
# each also tagged :latest, plus the sandbox runtime image (images/runtime/build-offline.sh).
# Prints the control-plane image on the last line of stdout. Needs root and debootstrap.
#
#   images/control-plane/build-offline.sh       # the one build command of the deploy bundle
#   SPAWNAI_IMAGES_FORCE=1 images/control-plane/build-offline.sh
#
# Cache: each tag is a hash of its inputs (this script and the service scripts; plus, for the
# control plane, Node's version, package-lock.json and the sources), and the debootstrap result is
# kept in images/control-plane/.build/, so an unchanged tree returns at once and a source change
# re-runs only the copy and import (~10 s). With a registry, ./Dockerfile builds the control plane.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
build="$here/.build"
mirror="${SPAWNAI_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
include=ca-certificates,curl,tini,iptables,caddy,postgresql,postgresql-client,redis-server,redis-tools
node_bin="$(command -v node)"
log() { echo "[control-plane-image] $*" >&2; }
has_image() { docker image inspect "$1" >/dev/null 2>&1; }

log "sandbox runtime image: $(bash "$project/images/runtime/build-offline.sh" | tail -1)"
[ -f "$project/web/dist/index.html" ] || (cd "$project" && node scripts/ensure-web-build.mjs >&2)
services_hash="$(cat "$here/build-offline.sh" "$here"/rootfs/usr/local/bin/* | sha256sum | cut -c1-12)"
sources_hash="$( (cd "$project" && echo "$("$node_bin" --version) $services_hash" && cat package-lock.json \
  && find bin src sdk/js web/dist images/runtime package.json -type f ! -path '*/.build/*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12)"
services="spawnai-services:$services_hash"
control="spawnai-control-plane:$sources_hash"
if [ -z "${SPAWNAI_IMAGES_FORCE:-}" ] && has_image "$services" && has_image "$control"; then
  docker tag "$services" spawnai-services:latest && docker tag "$control" spawnai-control-plane:latest
  log "up to date"; echo "$control"; exit 0
fi
command -v debootstrap >/dev/null || { log "missing debootstrap (apt-get install -y debootstrap)"; exit 1; }
[ "$(id -u)" = 0 ] || { log "building the images needs root (debootstrap, file ownership)"; exit 1; }
mkdir -p "$build"
exec 9>"$build/.lock"
flock 9 # parallel callers (tests) wait for one build

base_tar="$build/base-$(echo "bookworm $include $mirror" | sha256sum | cut -c1-12).tar"
if [ ! -f "$base_tar" ]; then
  log "debootstrap bookworm with $include — a minute or two"
  root="$build/debootstrap" && rm -rf "$root"
  debootstrap --variant=minbase --include="$include" bookworm "$root" "$mirror" >"$build/debootstrap.log" 2>&1 \
    || { log "debootstrap failed, see $build/debootstrap.log"; exit 1; }
  # The package's default cluster is not used: the bundle's PostgreSQL lives in a volume.
  rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"* "$root/var/lib/postgresql/15" "$root/etc/postgresql/15"
  install -d -o "$(chroot "$root" id -u postgres)" -g "$(chroot "$root" id -g postgres)" -m 0700 "$root/var/lib/postgresql/data"
  install -d -o "$(chroot "$root" id -u redis)" -g "$(chroot "$root" id -g redis)" -m 0750 "$root/data"
  install -d -m 0755 "$root/var/lib/spawnai" "$root/etc/spawnai"
  tar -C "$root" -cf "$base_tar.tmp" . && mv "$base_tar.tmp" "$base_tar" && rm -rf "$root"
fi

# Appending to a copy of the base tar (tar -r) avoids unpacking it; only new paths are appended.
overlay="$build/overlay" && work_tar="$build/image.tar"
rm -rf "$overlay" && mkdir -p "$overlay/usr/local/bin" && cp "$here"/rootfs/usr/local/bin/* "$overlay/usr/local/bin/"
chmod 0755 "$overlay"/usr/local/bin/*
# Docker refuses duplicate paths: name the new files, not the directories the base already has.
bin_files() { (cd "$overlay" && find ./usr/local/bin -type f | sort); }
cp "$base_tar" "$work_tar" && tar -rf "$work_tar" -C "$overlay" --owner=0 --group=0 $(bin_files)
has_image "$services" && [ -z "${SPAWNAI_IMAGES_FORCE:-}" ] || docker import --change 'ENV LANG=C.UTF-8' \
  --change 'ENTRYPOINT ["/usr/bin/tini", "--"]' --change 'CMD ["sleep", "infinity"]' \
  --change "LABEL spawnai.images-hash=$services_hash" "$work_tar" "$services" >/dev/null

app="$overlay/opt/spawnai" && mkdir -p "$app"
install -m 0755 "$node_bin" "$overlay/usr/local/bin/node"
(cd "$project" && cp -r bin src package.json package-lock.json "$app/" && mkdir -p "$app/web" "$app/images" "$app/sdk" && cp -r web/dist "$app/web/" \
  && cp -r sdk/js "$app/sdk/" \
  && cp -r images/runtime "$app/images/" && rm -rf "$app/images/runtime/.build")
# Production dependencies only: the closure of package.json's "dependencies", npm's layout kept.
"$node_bin" -e 'const p=require(process.argv[1]);console.log(JSON.stringify({packages:p.dependencies}))' "$project/package.json" >"$build/prod-packages.json"
"$node_bin" "$project/images/runtime/collect-packages.mjs" "$project" "$build/prod-packages.json" "$app/node_modules" >&2
cp "$base_tar" "$work_tar" && tar -rf "$work_tar" -C "$overlay" --owner=0 --group=0 $(bin_files) ./opt/spawnai
log "importing $control"
docker import --change 'ENV LANG=C.UTF-8' --change 'ENV SPAWN_DATA_DIR=/var/lib/spawnai' --change 'ENV NODE_ENV=production' \
  --change 'WORKDIR /var/lib/spawnai' --change 'ENTRYPOINT ["/usr/bin/tini", "--"]' --change 'CMD ["spawnai", "up", "--host", "0.0.0.0"]' \
  --change "LABEL spawnai.images-hash=$sources_hash" "$work_tar" "$control" >/dev/null
rm -rf "$overlay" "$work_tar"
docker tag "$services" spawnai-services:latest && docker tag "$control" spawnai-control-plane:latest
log "built $services and $control"
echo "$control"
