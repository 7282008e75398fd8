#!/usr/bin/env bash
# The one test command (README): installs what the suite needs (Tesseract, Chromium, xmllint, Saxon, PostgreSQL),
# starts PostgreSQL, runs every test, and prints "N passed, N failed, N skipped". With CI=true a skipped test fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
# The suite lock (flock, see PROTOCOL) is held by flock itself. A descriptor of it inherited here would pass down to
# PostgreSQL when a test restarts the server, and the lock would outlive the run: close what flock handed down.
for fd in 3 4 5 6 7 8 9; do eval "exec $fd>&-"; done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr tesseract-ocr-swe tesseract-ocr-dan tesseract-ocr-eng)
dpkg -s tesseract-ocr-swe >/dev/null 2>&1 || need+=(tesseract-ocr-swe)
dpkg -s tesseract-ocr-dan >/dev/null 2>&1 || need+=(tesseract-ocr-dan)
command -v chromium >/dev/null || need+=(chromium)
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -f /usr/share/java/Saxon-HE.jar ] || need+=(libsaxonhe-java)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

bash tests/start-postgres.sh
export INVOICEPIPELINE_TEST_PG="Host=localhost;Port=5432;Username=postgres;Password=postgres"

rm -rf TestResults
set +e
dotnet test InvoicePipeline.sln -c Release --logger "trx;LogFilePrefix=ci" --results-directory TestResults 2>&1 | tee /tmp/ci-test.log
status=${PIPESTATUS[0]}
set -e

# Count the results from the TRX files and refuse a run in which anything was skipped.
python3 - <<'PY'
import glob, os, re, sys
passed = failed = skipped = 0
for f in glob.glob("TestResults/*.trx"):
    s = open(f, encoding="utf-8").read()
    m = re.search(r'<Counters[^>]*total="(\d+)"[^>]*passed="(\d+)"[^>]*failed="(\d+)"', s)
    if m:
        passed += int(m.group(2)); failed += int(m.group(3))
    skipped += len(re.findall(r'outcome="NotExecuted"', s))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
if skipped and os.environ.get("CI", "").lower() == "true":
    print("CI must run every test: skipped tests mean a dependency (PostgreSQL, ../shared, Tesseract, Chromium) was missing", file=sys.stderr)
    sys.exit(1)
if passed == 0:
    sys.exit(1)
PY
exit "$status"
