#!/usr/bin/env bash
# Readies what the tests talk to: Debian's chromium for the dashboard's browser tests, and the local
# PostgreSQL for the PostgreSQL store and the worker queue. Run by `npm test` before the tests (pretest).
# Each part says plainly what it did or why it could not; the suites that need a missing part then say
# they were skipped (and fail instead when SITREP_REQUIRE_BROWSER=1 / SITREP_REQUIRE_PG=1, as in CI).
set -uo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi; }

if [ -z "${SITREP_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null; then
    echo "test-env: installing Debian's chromium for the browser tests (apt-get)" >&2
    if ! { as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
      echo "test-env: could not install chromium (needs root or sudo); the browser tests will be skipped" >&2
    fi
  else
    echo "test-env: no apt-get here; set SITREP_CHROMIUM to a Chromium binary, or the browser tests will be skipped" >&2
  fi
fi

pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}"; }
if [ -z "${SITREP_TEST_PG:-}" ] && ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "test-env: starting the local PostgreSQL" >&2
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >/dev/null 2>&1 || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do pg_up && break; sleep 1; done
  fi
  pg_up || echo "test-env: PostgreSQL is not reachable on 127.0.0.1:5432; its suites will be skipped" >&2
fi
exit 0
