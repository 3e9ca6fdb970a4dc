#!/usr/bin/env bash
# How fast the emulator takes an upload in: `curl -F data=@FILE` of a
# page-cached file to a Baijiayun upload URL on loopback, several runs, MiB/s
# each (curl's own upload speed) and the median. Not a test: a measurement.
#
#   emulator/scripts/measure-intake.sh [SIZE_MIB=1024] [RUNS=5] [EMULATOR_BINARY...]
#
# With several emulator binaries (say, before and after a change) the runs
# are interleaved, one upload to each in turn, so a busy machine weighs on
# all of them alike. Default binary: this checkout's, built with
# `cargo build --release`.
#
# When nginx is installed, each run also sends the same bytes to an nginx
# that discards them: what curl and the machine manage at that moment.
#
# Each run also prints the server's CPU seconds for the upload (user +
# system, from /proc; for the emulator until its answer, and "+N" for the
# MD5 it works out after answering): on a loaded machine the speed varies
# with what else runs, the CPU a GiB costs much less.
#
# Env: DATA_DIR (where uploads are stored; default a fresh dir under
# /dev/shm, a tmpfs, so the disk's writeback does not enter the figure),
# FILE (the file to send; default a fresh one of SIZE_MIB under /dev/shm).
set -euo pipefail
size_mib=${1:-1024}
runs=${2:-5}
shift $(($# < 2 ? $# : 2))
here=$(cd "$(dirname "$0")/../.." && pwd)
emulators=("$@")
if ((${#emulators[@]} == 0)); then
    cargo build -q -p vodkit-emulator --release --manifest-path "$here/Cargo.toml"
    emulators=("${CARGO_TARGET_DIR:-$here/target}/release/vodkit-emulator")
fi
work=$(mktemp -d /dev/shm/measure-intake.XXXXXX)
file=${FILE:-$work/upload.bin}
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f $file ]]; then
    head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"
fi
want_md5=$(md5sum "$file" | cut -d' ' -f1) # also brings it into the page cache

for i in "${!emulators[@]}"; do
    dir=${DATA_DIR:-$work}/data-$i
    "${emulators[$i]}" --data-dir "$dir" --rate-limit 0 >"$work/line-$i" &
    pids+=($!)
    for _ in $(seq 100); do [[ -s $work/line-$i ]] && break; sleep 0.05; done
done

sink=
if nginx=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null); then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    mkdir -p "$work/nginx"
    cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/pid;
error_log $work/nginx/error.log;
events {}
http {
    access_log off;
    client_max_body_size 0;
    client_body_temp_path $work/nginx;
    proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server { listen 127.0.0.1:$port; location / { return 200 '{"code":1}'; } }
}
CONF
    "$nginx" -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>/dev/null &
    pids+=($!)
    nginx_pid=$!
    sink=http://127.0.0.1:$port/upload
    sleep 0.3
fi

# getUploadUrl of emulator $1, signed as the provider documents: md5 of the
# sorted `k=v&` pairs followed by `partner_key=KEY`.
upload_url() {
    local line=$work/line-$1 ts sign pid key
    pid=$(jq -r .baijiayun.partner_id "$line")
    key=$(jq -r .baijiayun.partner_key "$line")
    ts=$(date +%s)
    sign=$(printf 'definition=1&file_name=bench.mp4&partner_id=%s&timestamp=%s&partner_key=%s' \
        "$pid" "$ts" "$key" | md5sum | cut -d' ' -f1)
    curl -sS --fail -d definition=1 -d file_name=bench.mp4 -d "partner_id=$pid" \
        -d "timestamp=$ts" -d "sign=$sign" "$(jq -r .baijiayun.base_url "$line")/openapi/video/getUploadUrl" |
        jq -r .data.upload_url
}

# CPU ticks so far of process $1 and its children (nginx's worker).
ticks() {
    local t=0 p
    for p in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
        t=$((t + $(cut -d' ' -f14,15 /proc/"$p"/stat | tr ' ' '+')))
    done
    echo "$t"
}
hz=$(getconf CLK_TCK)
secs_of() { awk -v t="$1" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'; }

echo "file: $file ($(stat -c %s "$file") bytes), stored under ${DATA_DIR:-$work}, $(nproc) cores"
declare -A speeds cpus
for run in $(seq "$runs"); do
    if [[ -n $sink ]]; then
        load=$(cut -d' ' -f1 /proc/loadavg)
        t0=$(ticks "$nginx_pid")
        read -r speed secs code <<<"$(curl -sS -o /dev/null -w '%{speed_upload} %{time_total} %{http_code}' -F "data=@$file" "$sink")"
        cpu=$(secs_of $(($(ticks "$nginx_pid") - t0)))
        mib=$(awk -v s="$speed" 'BEGIN { printf "%.0f", s / 1048576 }')
        echo "run $run, nginx discarding: HTTP $code, ${secs}s, $mib MiB/s, cpu ${cpu}s, load $load"
        speeds[sink]="${speeds[sink]:-} $mib"
        cpus[sink]="${cpus[sink]:-} $cpu"
    fi
    for i in "${!emulators[@]}"; do
        url=$(upload_url "$i")
        video_id=$(sed 's/.*fid=\([0-9]*\).*/\1/' <<<"$url")
        load=$(cut -d' ' -f1 /proc/loadavg)
        t0=$(ticks "${pids[$i]}")
        out=$(curl -sS -o "$work/answer" -w '%{speed_upload} %{time_total} %{http_code}' \
            -F "data=@$file" "$url")
        t1=$(ticks "${pids[$i]}")
        read -r speed secs code <<<"$out"
        mib=$(awk -v s="$speed" 'BEGIN { printf "%.0f", s / 1048576 }')
        # The emulator may hash the stored file after answering: this waits
        # for the MD5 (so the next run does not share the CPU with it) and
        # checks it.
        root=$(jq -r .root_url "$work/line-$i")
        got_md5=$(curl -sS "$root/_emulator/baijiayun/videos/$video_id" | jq -r .md5)
        [[ $got_md5 == "$want_md5" ]] || { echo "stored MD5 $got_md5, want $want_md5" >&2; exit 1; }
        cpu=$(secs_of $((t1 - t0)))
        echo "run $run, ${emulators[$i]}: HTTP $code, ${secs}s, $mib MiB/s, cpu ${cpu}s +$(secs_of $(($(ticks "${pids[$i]}") - t1))), load $load"
        cpus[$i]="${cpus[$i]:-} $cpu"
        speeds[$i]="${speeds[$i]:-} $mib"
        rm -f "${DATA_DIR:-$work}/data-$i"/baijiayun/video-*.bin # keep the tmpfs small
    done
done
names=("${emulators[@]}")
if [[ -n $sink ]]; then
    names+=("nginx discarding")
    speeds[${#emulators[@]}]=${speeds[sink]}
    cpus[${#emulators[@]}]=${cpus[sink]}
fi
# "median (min, max)" of the numbers in $1.
spread() {
    local sorted n
    sorted=$(tr ' ' '\n' <<<"$1" | grep . | sort -n)
    n=$(wc -l <<<"$sorted")
    echo "$(sed -n "$(((n + 1) / 2))p" <<<"$sorted") (min $(head -1 <<<"$sorted"), max $(tail -1 <<<"$sorted"))"
}
for i in "${!names[@]}"; do
    echo "${names[$i]}: median $(spread "${speeds[$i]}") MiB/s," \
        "server CPU median $(spread "${cpus[$i]}") s, $(wc -w <<<"${speeds[$i]}") runs"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
