#!/usr/bin/env bash
# Builds the Linux package and starts what it installs, so the installer cannot rot unnoticed:
# the CLI launcher imports the bundled sample logs and describes the case; the window launcher is started
# under Xvfb (when xvfb-run exists) and must still be running after a while. Run from anywhere:
#   installer/smoke-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

type=deb
command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null || type=app-image
mvn -B -ntp -q -Pinstaller -DskipTests -Dinstaller.type="$type" -Dbuild.dir="$work/build" package

if [ "$type" = deb ]; then
  package=$(ls "$work"/build/installer/dist/*.deb)
  echo "built $(basename "$package") ($(du -h "$package" | cut -f1))"
  dpkg-deb -x "$package" "$work/root"          # unpack, as an install would, without root rights
  app="$work/root/opt/trail-workbench"
else
  app="$work/build/installer/dist/trail-workbench"
  echo "dpkg-deb or fakeroot missing: built and checked an app image instead"
fi

# the installed launchers log where this test says, not into the home folder of whoever runs it (a jpackage
# launcher ignores JDK_JAVA_OPTIONS, which only the java command reads; every JVM reads JAVA_TOOL_OPTIONS)
export JAVA_TOOL_OPTIONS="-Dtrailworkbench.logs=$work/logs"
"$app/bin/trail-workbench-cli" --version
"$app/bin/trail-workbench-cli" import --case "$work/case" sample-logs > "$work/import.txt"
"$app/bin/trail-workbench-cli" stats --case "$work/case" | tee "$work/stats.txt"
grep -q "^events: *13," "$work/stats.txt" || { echo "the installed CLI did not import the sample logs"; exit 1; }
if jar tf "$app/lib/app/trail-workbench.jar" | grep -q "org/trailworkbench/generate/"; then
  echo "the installed jar contains the trail generator (and its digest signer)"; exit 1
fi

if command -v xvfb-run >/dev/null; then
  JDK_JAVA_OPTIONS="-Dtrailworkbench.case=$work/window-case -Dtrailworkbench.sampleLogs=$PWD/sample-logs" \
    xvfb-run -a "$app/bin/trail-workbench" > "$work/window.log" 2>&1 &
  window=$!
  sleep 20
  if ! kill -0 "$window" 2>/dev/null; then
    echo "the installed window launcher stopped early:"; cat "$work/window.log"; exit 1
  fi
  pkill -f "$app/bin/trail-workbench" || true   # the launcher itself, a child of xvfb-run
  wait "$window" 2>/dev/null || true
  echo "window launcher ran for 20 s under Xvfb"
else
  echo "xvfb-run missing: window launcher not started"
fi
echo "installer smoke test passed"
