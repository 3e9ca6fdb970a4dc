#!/usr/bin/env bash
# check-natives.sh HEADERS_DIR LIBRARY: every JNI function javac -h declared
# (one per `native` method of the Java classes) is exported by LIBRARY, and
# the library exports no Java_ function the classes no longer declare.
set -euo pipefail
headers="$1"
lib="$2"
declared="$(grep -ho 'Java_org_vodkit_[A-Za-z0-9_]*' "$headers"/*.h | sort -u)"
exported="$(nm -D --defined-only "$lib" | awk '{print $3}' | grep '^Java_org_vodkit_' | sort -u)"
missing="$(comm -23 <(echo "$declared") <(echo "$exported"))"
stale="$(comm -13 <(echo "$declared") <(echo "$exported"))"
if [ -n "$missing" ] || [ -n "$stale" ]; then
    [ -z "$missing" ] || printf 'declared in Java, not exported by %s:\n%s\n' "$lib" "$missing" >&2
    [ -z "$stale" ] || printf 'exported by %s, declared by no Java class:\n%s\n' "$lib" "$stale" >&2
    exit 1
fi
echo "JNI: $(echo "$declared" | wc -l) native methods, each exported by $(basename "$lib")"
