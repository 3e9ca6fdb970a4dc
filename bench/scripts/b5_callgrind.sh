#!/usr/bin/env bash
# B5 in instructions (issue 19 item 6): the Rust SDK's keep-alive call loop
# (`vodkit-bench client calls`) against the bare reqwest loop re-posting one
# pre-signed body (`client bare`), each under callgrind at n=500 and n=1500;
# per call = (Ir(1500) - Ir(500)) / 1000, so start-up cancels. Steadier than
# wall-clock time on a busy machine, but not exact: how often the caller's
# and the I/O thread's wait loops spin depends on timing, which moves a
# single run by a few thousand instructions a call; so RUNS rounds (3 by
# default), SDK and bare interleaved, and the medians are the figure.
# Needs valgrind, curl, python3 and a build of vodkit-bench and
# vodkit-emulator:
#   cargo build -p vodkit-bench -p vodkit-emulator [--release]
#   bench/scripts/b5_callgrind.sh [debug|release] [RUNS]
# With B5_PYTHON set to a python that imports vodkit (bench/run installs one
# in target/bench-python/venv), the Python binding's loop
# (bench/scripts/binding_calls.py) is counted the same way; with php and its
# FFI extension, the PHP binding's over this profile's libvodkit.so.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${CARGO_TARGET_DIR:-$repo/target}/${1:-debug}"
work="$(mktemp -d)"
"$bin/vodkit-emulator" --port 0 --rate-limit 0 --data-dir "$work/data" >"$work/emu.out" 2>/dev/null &
emu=$!
trap 'kill $emu; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/emu.out" ] && break; sleep 0.2; done
json() { python3 -c "import json,sys; v=json.loads(sys.argv[1]); print(eval(sys.argv[2]))" "$1" "$2"; }
md5() { python3 -c 'import hashlib,sys; print(hashlib.md5(sys.argv[1].encode()).hexdigest())' "$1"; }
line=$(head -1 "$work/emu.out")
cfg=$(json "$line" 'json.dumps(dict(v["baijiayun"], retry={"max_retries": 0}))')
base=$(json "$cfg" 'v["base_url"]')
pid=$(json "$cfg" 'v["partner_id"]')
key=$(json "$cfg" 'v["partner_key"]')
ts=$(date +%s)
sig=$(md5 "definition=16,1&file_name=calls.mp4&partner_id=$pid&timestamp=$ts&partner_key=$key")
created=$(curl -s -X POST "$base/openapi/video/getUploadUrl" --data-urlencode "definition=16,1" \
    -d "file_name=calls.mp4&partner_id=$pid&timestamp=$ts&sign=$sig")
vid=$(json "$created" 'v["data"]["video_id"]')
form="partner_id=$pid&timestamp=$ts&video_id=$vid&sign=$(md5 "partner_id=$pid&timestamp=$ts&video_id=$vid&partner_key=$key")"
ir() {
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$@" >/dev/null 2>"$work/vg.err"
    awk '/^summary:/ {print $2}' "$work/cg"
}
per_call() {
    local low high
    low=$(ir "$@" --n 500)
    high=$(ir "$@" --n 1500)
    echo $(((high - low) / 1000))
}
# The binding scripts take the count as their last argument.
per_call_at_end() {
    local low high
    low=$(ir "$@" 500)
    high=$(ir "$@" 1500)
    echo $(((high - low) / 1000))
}
median() { python3 -c 'import statistics,sys; print(int(statistics.median(map(int, sys.argv[1:]))))' "$@"; }
sdks=()
bares=()
for round in $(seq "${2:-3}"); do
    sdk=$(per_call "$bin/vodkit-bench" client calls --provider baijiayun --config "$cfg" \
        --op video/getStatus --params "{\"video_id\":$vid}")
    bare=$(per_call "$bin/vodkit-bench" client bare --url "$base/openapi/video/getStatus" --form "$form")
    echo "round $round: SDK $sdk, bare reqwest $bare; bare/SDK $(python3 -c "print(round($bare/$sdk, 3))")"
    sdks+=("$sdk")
    bares+=("$bare")
done
sdk=$(median "${sdks[@]}")
bare=$(median "${bares[@]}")
echo "instructions per call (medians): SDK $sdk, bare reqwest $bare; bare/SDK $(python3 -c "print(round($bare/$sdk, 3))")"
# The bindings, in the same instructions (interpreter included), against the
# Rust SDK's median.
params="{\"video_id\":$vid}"
if [ -n "${B5_PYTHON:-}" ]; then
    py=$(per_call_at_end "$B5_PYTHON" "$repo/bench/scripts/binding_calls.py" "$cfg" video/getStatus "$params")
    echo "Python binding: $py instructions per call; Rust SDK/Python $(python3 -c "print(round($sdk/$py, 3))")"
fi
if command -v php >/dev/null && php -m | grep -qx FFI && [ -f "$bin/libvodkit.so" ]; then
    php=$(export VODKIT_LIBRARY="$bin/libvodkit.so"
        per_call_at_end php "$repo/bench/scripts/binding_calls.php" "$repo/bindings/php" "$cfg" \
            video/getStatus "$params")
    echo "PHP binding: $php instructions per call; Rust SDK/PHP $(python3 -c "print(round($sdk/$php, 3))")"
fi
