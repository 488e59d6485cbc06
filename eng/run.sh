#!/usr/bin/env bash
# Sets up and runs the app locally: installs Azurite (npm), starts it with its data in .azurite/, creates
# local.settings.json from the sample if there is none, and runs the host against it until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json

if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null; then
  echo "Azurite (or another emulator) already answers on 10000-10002: using it."
else
  mkdir -p .azurite
  node_modules/.bin/azurite --silent --location .azurite --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  azurite=$!
  trap 'kill $azurite 2>/dev/null' EXIT
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.1; done
  echo "Azurite started (blob 10000, queue 10001, table 10002), data in .azurite/"
fi

dotnet run --project functions/Guichet.Host -c Release -- --urls "${URLS:-http://127.0.0.1:7071}" "$@"
