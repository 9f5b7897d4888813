#!/usr/bin/env bash
# The bench, in one command: starts a throwaway PostgreSQL (fsync on), builds Release, and runs
#   ./bench/run.sh [spread|hot|mixed ...] [--target baseline,memory,postgres] [--concurrency 16,64,256]
#                  [--duration 10] [--warmup 30] [--wallets 10000] [--silos 2] [--out bench/results]
# It prints a table and writes JSON and SVG charts into bench/results. Not part of the test run.
#   ./bench/run.sh --report bench/results/bench-<time>.json   renders a saved run's table and charts again
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=tests/postgres.sh
source tests/postgres.sh
export WALLET_BENCH_POSTGRES="$WALLET_TEST_POSTGRES" WALLET_BENCH_PG_BIN="$WALLET_TEST_PG_BIN" WALLET_BENCH_PG_DATA="$WALLET_TEST_PG_DATA"
dotnet build Wallet.Orleans.sln -c Release -v q -nologo | grep -E "error|Warn" || true
dotnet bench/bin/Release/net10.0/Wallet.Bench.dll "$@"
