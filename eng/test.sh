#!/usr/bin/env bash
# Sets up and runs every test: installs Azurite and the Redocly CLI (npm), restores, builds with warnings as
# errors, runs the test projects (each starts its own Azurite on free ports), and ends with the totals on one line.
set -uo pipefail
cd "$(dirname "$0")/.."

# npm's record of what node_modules holds (node_modules/.package-lock.json) is older than package-lock.json
# when a dev dependency was added or changed since the last install: install again then, or when a tool is missing.
installed() {
  [ -x node_modules/.bin/azurite ] && [ -x node_modules/.bin/redocly ] && [ node_modules/.package-lock.json -nt package-lock.json ]
}
installed || npm ci --no-audit --no-fund --loglevel=error || exit 1
dotnet build Functions.sln -c Release -nologo -clp:ErrorsOnly || exit 1

results=TestResults
rm -rf "$results"
dotnet test Functions.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
skipped=$((total - passed - failed))
[ "$skipped" -lt 0 ] && skipped=0
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without a failing test (a crash, a build error): never report green
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
