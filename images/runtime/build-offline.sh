#!/usr/bin/env bash
# Builds the sandbox runtime image with no container registry: a Debian bookworm root filesystem
# from debootstrap (the Debian mirror is the only thing fetched), the host's Node 20 binary, the
# curated node_modules, then `docker import`. Prints the image name on the last line of stdout.
#
#   images/runtime/build-offline.sh            # build if missing, tag spawnai-runtime:latest
#   SPAWNAI_RUNTIME_FORCE=1 images/runtime/build-offline.sh   # rebuild even if the tag exists
#
# Cache: the image tag is a hash of this script, collect-packages.mjs, packages.json and the Node
# version; the debootstrap result is kept as a tarball in images/runtime/.build/ so changing only
# the package list re-runs just the fast steps. The production equivalent is ./Dockerfile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
build="$here/.build"
mirror="${SPAWNAI_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
# The scientific stack of functions (issue 17), from Debian's packages: the same set
# scripts/services.sh installs on hosts that use the `process` runtime.
include=python3,ca-certificates,python3-numpy,python3-scipy,python3-pandas,python3-matplotlib,python3-sympy
# Debian's python3-scipy depends on pythran, which drags in a C++ toolchain, Boost and the -dev
# packages (~550 MB): build-time only, never imported by SciPy at run time. Purged after
# debootstrap, with --force-depends (nothing installs packages into the image later).
purge="python3-pythran python3-beniget python3-gast g++ g++-12 gcc gcc-12 cpp cpp-12 libboost1.74-dev libboost-dev
  libopenblas-dev libopenblas-pthread-dev python3-all-dev python3-dev python3.11-dev libpython3.11-dev libpython3-dev
  python3-all libxsimd-dev libstdc++-12-dev libgcc-12-dev libc6-dev libc-dev-bin linux-libc-dev libcrypt-dev libnsl-dev
  libtirpc-dev binutils binutils-x86-64-linux-gnu binutils-common libbinutils libctf0 libctf-nobfd0 libgprofng0 libisl23
  libmpc3 libmpfr6 libcc1-0 libasan8 liblsan0 libtsan2 libubsan1 libitm1 libexpat1-dev zlib1g-dev libjs-sphinxdoc
  libjs-jquery libjs-underscore unicode-data"
node_bin="$(command -v node)"
node_version="$("$node_bin" --version)"
log() { echo "[runtime-image] $*" >&2; }

hash="$(cat "$here/build-offline.sh" "$here/collect-packages.mjs" "$here/packages.json" <(echo "$node_version") \
  | sha256sum | cut -c1-12)"
image="spawnai-runtime:$hash"
if [ -z "${SPAWNAI_RUNTIME_FORCE:-}" ] && docker image inspect "$image" >/dev/null 2>&1; then
  docker tag "$image" spawnai-runtime:latest
  log "up to date"
  echo "$image"
  exit 0
fi

for tool in debootstrap tar; do
  command -v "$tool" >/dev/null || { log "missing $tool (apt-get install -y debootstrap)"; exit 1; }
done
[ "$(id -u)" = 0 ] || { log "building the image needs root (debootstrap, file ownership)"; exit 1; }
mkdir -p "$build"
# Parallel test workers may all find the image missing: one builds, the others wait and reuse it.
exec 9>"$build/.lock"
flock 9
if [ -z "${SPAWNAI_RUNTIME_FORCE:-}" ] && docker image inspect "$image" >/dev/null 2>&1; then
  docker tag "$image" spawnai-runtime:latest
  echo "$image"
  exit 0
fi
base_key="$(echo "$suite minbase $include $mirror app-user-1000 $purge" | sha256sum | cut -c1-12)"
base_tar="$build/base-$base_key.tar"
if [ ! -f "$base_tar" ]; then
  log "debootstrap $suite (minbase + $include) — about a minute"
  rm -rf "$build/debootstrap"
  start=$SECONDS
  debootstrap --variant=minbase --include="$include" "$suite" "$build/debootstrap" "$mirror" >"$build/debootstrap.log" 2>&1 \
    || { log "debootstrap failed, see $build/debootstrap.log"; exit 1; }
  installed="$(for p in $purge; do chroot "$build/debootstrap" dpkg -s "$p" >/dev/null 2>&1 && echo "$p"; done)"
  # shellcheck disable=SC2086
  [ -z "$installed" ] || PATH=/usr/sbin:/usr/bin:/sbin:/bin chroot "$build/debootstrap" dpkg --purge --force-depends $installed >>"$build/debootstrap.log" 2>&1 \
    || { log "purging build-only packages failed, see $build/debootstrap.log"; exit 1; }
  rm -rf "$build/debootstrap/var/cache/apt/archives/"*.deb "$build/debootstrap/var/lib/apt/lists/"*
  echo 'app:x:1000:1000:sandboxed app:/app:/usr/sbin/nologin' >>"$build/debootstrap/etc/passwd"
  echo 'app:x:1000:' >>"$build/debootstrap/etc/group"
  echo 'app:!:19000:0:99999:7:::' >>"$build/debootstrap/etc/shadow"
  install -d -o 1000 -g 1000 -m 0755 "$build/debootstrap/app"
  tar -C "$build/debootstrap" -cf "$base_tar.tmp" . && mv "$base_tar.tmp" "$base_tar"
  rm -rf "$build/debootstrap"
  log "base root filesystem cached in $(basename "$base_tar") ($((SECONDS - start)) s)"
fi

# The image is the cached base tarball plus appended new paths (node, the curated packages):
# appending with `tar -r` avoids unpacking ~10k base files on every package change. Docker
# refuses duplicate paths, so only paths absent from the base are appended.
overlay="$build/overlay"
work_tar="$build/image.tar"
rm -rf "$overlay" "$work_tar" && mkdir -p "$overlay/usr/local/bin" "$overlay/opt/spawnai"
install -m 0755 "$node_bin" "$overlay/usr/local/bin/node"
"$node_bin" "$here/collect-packages.mjs" "$project" "$here/packages.json" "$overlay/opt/spawnai/node_modules" >&2
cp "$here/packages.json" "$overlay/opt/spawnai/packages.json"
# NODE_PATH only serves require(); ESM `import` walks up parent folders, so /node_modules makes
# the curated set importable from /app in both module systems.
ln -s /opt/spawnai/node_modules "$overlay/node_modules"
cp "$base_tar" "$work_tar"
tar -rf "$work_tar" -C "$overlay" --owner=0 --group=0 ./usr/local/bin/node ./opt/spawnai ./node_modules

log "importing $image"
docker import \
  --change 'ENV NODE_PATH=/opt/spawnai/node_modules' \
  --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV MPLBACKEND=Agg' \
  --change 'ENV MPLCONFIGDIR=/tmp/matplotlib' \
  --change 'USER 1000:1000' \
  --change 'WORKDIR /app' \
  --change 'CMD ["sleep", "infinity"]' \
  --change "LABEL spawnai.runtime-hash=$hash" \
  "$work_tar" "$image" >/dev/null
rm -rf "$overlay" "$work_tar"
docker tag "$image" spawnai-runtime:latest
log "built $image"
echo "$image"
