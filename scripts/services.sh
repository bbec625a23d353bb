#!/usr/bin/env bash
# Makes sure every service the integration suites need answers on this machine, installing and
# starting what is missing (Debian packages; we run as root in CI). Prints the env to export.
# Idempotent: safe to run again. Used by .ci/run and handy on a developer machine.
set -euo pipefail
log() { echo "[services] $*" >&2; }
need_apt=()
command -v bwrap >/dev/null || need_apt+=(bubblewrap)
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v dockerd >/dev/null || need_apt+=(docker.io)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v jq >/dev/null || need_apt+=(jq)
command -v debootstrap >/dev/null || need_apt+=(debootstrap)
command -v pg_ctlcluster >/dev/null || need_apt+=(postgresql)
# HTTPS tests (Caddy with its internal CA, Chromium trusting it via an NSS database) and the
# deploy bundle's Compose test (Debian's docker-compose 1.29 when the v2 plugin is absent).
command -v caddy >/dev/null || need_apt+=(caddy)
command -v certutil >/dev/null || need_apt+=(libnss3-tools)
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || need_apt+=(docker-compose)
# Functions' scientific stack for the `process` runtime, which runs the host's Debian Python
# (/usr/bin/python3, SPAWN_FUNCTIONS_PYTHON): the same packages as the runtime image, plus pip and
# venv for per-function requirement layers.
for pkg in python3-numpy python3-scipy python3-pandas python3-matplotlib python3-sympy python3-pip python3-venv; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# Browsers resolve *.localhost by themselves; Node tooling (tests, Playwright's request API) needs
# glibc's nss-myhostname for the per-app origins <id>.localhost.
[ -e /lib/x86_64-linux-gnu/libnss_myhostname.so.2 ] || [ -e /usr/lib/x86_64-linux-gnu/libnss_myhostname.so.2 ] || need_apt+=(libnss-myhostname)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

if ! grep -qE '^hosts:.*myhostname' /etc/nsswitch.conf; then
  sed -i -E 's/^(hosts:\s+files)/\1 myhostname/' /etc/nsswitch.conf
fi

# PostgreSQL: start the cluster, trust loopback TCP, create the test database.
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  ver=$(ls /etc/postgresql | sort -V | tail -1)
  hba=/etc/postgresql/$ver/main/pg_hba.conf
  grep -q 'spawnai-trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust # spawnai-trust' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start >&2 || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.5; done
fi
if ! psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='spawnai_test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -qc 'create database spawnai_test' >&2
fi

# Redis.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >&2
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.25; done
fi

# Docker engine.
if ! docker info >/dev/null 2>&1; then
  (nohup dockerd >/tmp/spawnai-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
fi

echo "export DATABASE_URL_TEST=postgres://postgres@127.0.0.1:5432/spawnai_test"
echo "export REDIS_URL_TEST=redis://127.0.0.1:6379"
