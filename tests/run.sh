#!/usr/bin/env bash
# The whole test suite, from a fresh clone: provisions what the tests need, builds, runs every test,
# and ends with one line "N passed, N failed". Exit code is non-zero when anything failed.
# --quick skips the tests marked [Trait("Speed", "Slow")] (silo crashes, whole clusters on PostgreSQL,
# long concurrency runs): a shorter loop while working; the full run is the one that counts.
set -euo pipefail
cd "$(dirname "$0")/.."

only=()
if [ "${1:-}" = "--quick" ]; then
  only=(--filter "Speed!=Slow")
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--quick]" >&2
  exit 2
fi

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK 10 is required (https://dot.net)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=tests/postgres.sh
source tests/postgres.sh

# The production compose file stays valid: checked offline with Debian's docker-compose.
if ! command -v docker-compose >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi
if command -v docker-compose >/dev/null; then
  WALLET_DB_PASSWORD=check WALLET_SIGNING_KEY=check WALLET_OPERATOR_PHONE=check WALLET_OPERATOR_PASSWORD=check \
    WALLET_VAULT_KEY=check WALLET_IDENTITY_KEY=check GRAFANA_ADMIN_PASSWORD=check \
    docker-compose -f docker-compose.yml config -q
  echo "docker-compose.yml is valid"
else
  echo "docker-compose is not installed (and this is not root): docker-compose.yml was not validated" >&2
fi

# The README's shell examples run as a test (tests/Readme) with the tools they use.
missing=$(for tool in curl jq openssl sha256sum base64; do command -v "$tool" >/dev/null || echo "$tool"; done)
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl jq openssl coreutils >/dev/null
elif [ -n "$missing" ]; then
  echo "The README's examples need" $missing "(not root: not installed); the README test will fail naming them" >&2
fi

# The fonts the bank's PDFs are drawn with (statements, receipts): Latin and Chinese TrueType from Debian.
if { [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; } \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core fonts-droid-fallback >/dev/null
elif [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; then
  echo "The PDF tests need fonts-dejavu-core and fonts-droid-fallback (not root: not installed); they will fail naming the fonts" >&2
fi

# The browser the web app's tests drive (Playwright for .NET, pointed at Debian's Chromium: no browser download).
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif ! command -v chromium >/dev/null; then
  echo "The browser tests need Debian's chromium package (not root: not installed); they will fail naming it" >&2
fi

# The OpenAPI linter the contract tests run (Redocly's CLI, pinned by the committed lockfile).
if ! command -v npm >/dev/null; then
  echo "Node.js >= 20.19 with npm is required for the OpenAPI linter (https://nodejs.org)." >&2
  exit 1
fi
npm ci --prefix tests/contract --no-audit --no-fund --loglevel=error

dotnet restore Wallet.Orleans.sln
dotnet build Wallet.Orleans.sln --no-restore -c Release
./tests/dockerfile-check.sh

results=$(mktemp -d)
trap 'rm -rf "$results"; stop_postgres' EXIT
set +e
dotnet test Wallet.Orleans.sln --no-build -c Release "${only[@]}" --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results"
status=$?
set -e

# One closing line from the TRX counters, whatever the console logger printed.
counters=$(grep -ho '<Counters [^>]*>' "$results"/*.trx 2>/dev/null | head -1 || true)
if [ -z "$counters" ]; then
  echo "No test results were reported." >&2
  exit 1
fi
count() { sed -E "s/.* $1=\"([0-9]+)\".*/\1/" <<<"$counters"; }
skipped=$( (grep -ho 'outcome="NotExecuted"' "$results"/*.trx || true) | wc -l)
# The failed tests by name, with the first lines of what each said, last, so a CI log's tail names them.
awk '/<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "FAILED: " substr($0, RSTART + 10, RLENGTH - 11); grab = 1; n = 0 }
     grab && /<Message>/ { inmsg = 1 }
     grab && inmsg { sub(/.*<Message>/, ""); print "  " $0; if (/<\/Message>/ || ++n >= 8) { inmsg = 0; grab = 0 } }' "$results"/*.trx || true
echo "$(count passed) passed, $(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) )) failed, ${skipped} skipped"
exit "$status"
