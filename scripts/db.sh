#!/usr/bin/env bash
# Starts (idempotently) the project's private PostgreSQL cluster, listening only on a Unix socket.
#
# The cluster lives in .pgdata/ inside the checkout. When the server's user cannot reach the
# checkout (a checkout under a root-only folder) or the socket path would pass the ~100-byte limit,
# the cluster goes to a folder under the system temp dir named after the checkout, and .pgdata
# becomes a link to it, so healthportal/settings.py always finds the socket at .pgdata/.
# With DATABASE_URL set nothing is started: that server is used instead.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)

if [ -n "${DATABASE_URL:-}" ]; then
  echo "db: DATABASE_URL is set, using that server; no local cluster started."
  exit 0
fi

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r) /usr/local/pgsql/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v pg_ctl)")" && return 0
  return 1
}

bindir=$(find_bindir || true)
if [ "${1:-}" = stop ]; then
  [ -e .pgdata/PG_VERSION ] && [ -n "$bindir" ] || { echo "db: no local cluster"; exit 0; }
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bindir/pg_ctl" stop --pgdata="$(readlink -f .pgdata)" --mode=fast
  else "$bindir/pg_ctl" stop --pgdata="$(readlink -f .pgdata)" --mode=fast; fi
  exit 0
fi
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "db: installing PostgreSQL server (Debian package postgresql)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(find_bindir)
  else
    echo "db: no PostgreSQL server binaries (initdb, pg_ctl) found. Install PostgreSQL 15 or newer" >&2
    echo "    (Debian/Ubuntu: sudo apt-get install postgresql) or set DATABASE_URL." >&2
    exit 1
  fi
fi

# As root the server must run as an unprivileged user.
run_as=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  run_as=(runuser -u postgres --)
fi

reachable() { [ ${#run_as[@]} -eq 0 ] || "${run_as[@]}" test -x "$1"; }

link="$root/.pgdata"
if [ -L "$link" ]; then
  data=$(readlink "$link")
elif [ -d "$link" ]; then
  data="$link"
elif reachable "$root" && [ ${#root} -lt 70 ]; then
  data="$link"
else
  data="${TMPDIR:-/tmp}/healthportal-$(printf '%s' "$root" | md5sum | cut -c1-10)"
fi
mkdir -p "$data"
[ "$data" != "$link" ] && ln -sfn "$data" "$link"
[ -n "$owner" ] && [ "$(id -u)" = 0 ] && chown "$owner" "$data" && chmod 700 "$data"

pg() { "${run_as[@]}" "$bindir/$1" "${@:2}"; }

if [ ! -f "$data/PG_VERSION" ]; then
  echo "db: creating cluster in $data"
  pg initdb --pgdata="$data" --username=healthportal --auth-local=trust --auth-host=reject \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$data/postgresql.conf" <<CONF
# healthportal development cluster: Unix socket only, inside the data folder.
listen_addresses = ''
unix_socket_directories = '$data'
unix_socket_permissions = 0700
synchronous_commit = off
shared_buffers = 256MB
jit = off
CONF
fi

if pg pg_ctl status --pgdata="$data" >/dev/null 2>&1; then
  echo "db: running ($data)"
else
  pg pg_ctl start --pgdata="$data" --log="$data/server.log" --wait --silent \
    || { echo "db: the server did not start; its log:" >&2; tail -20 "$data/server.log" >&2; exit 1; }
  echo "db: started ($data)"
fi

if ! "$bindir/psql" -h "$data" -U healthportal -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'healthportal'" | grep -q 1; then
  "$bindir/createdb" -h "$data" -U healthportal healthportal
  echo "db: database healthportal created"
fi
