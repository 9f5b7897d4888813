#!/usr/bin/env bash
# No Docker engine runs here, so this replays the Dockerfile's build stage by hand: it copies exactly
# the files the build stage COPYs into an empty folder and runs its RUN command there. A project the
# Dockerfile forgets to copy, or a publish that breaks, fails here instead of in someone's `docker build`.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import shlex, shutil, subprocess, sys, os
work = sys.argv[1]
stage, commands = [], []
for line in open("Dockerfile").read().replace("\\\n", " ").splitlines():
    parts = shlex.split(line, comments=True)
    if not parts:
        continue
    if parts[0] == "FROM":
        if stage:
            break  # only the first (build) stage
        stage.append(line)
    elif parts[0] == "COPY" and not any(p.startswith("--from") for p in parts):
        for source in parts[1:-1]:
            target = os.path.join(work, source)
            if os.path.isdir(source):
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("bin", "obj"), dirs_exist_ok=True)
            else:
                os.makedirs(os.path.dirname(target) or work, exist_ok=True)
                shutil.copy(source, target)
    elif parts[0] == "RUN":
        commands.append(line.split("RUN", 1)[1].replace("/app/", os.path.join(work, "out") + "/"))
for command in commands:
    subprocess.run(["bash", "-c", command], cwd=work, check=True, stdout=subprocess.DEVNULL)
for published in ("out/silo/Wallet.Silo.dll", "out/client-api/Wallet.ClientApi.dll", "out/client-api/wwwroot/app/index.html",
                  "out/client-api/wwwroot/app/_framework/blazor.webassembly.js"):
    if not os.path.exists(os.path.join(work, published)):
        sys.exit(f"the Dockerfile's build stage did not produce {published}")
print("Dockerfile build stage publishes the silo, the API and its web app")
PY
