#!/usr/bin/env bash
# The Java API's tests, from a fresh Debian (or Ubuntu) machine with Rust:
# installs a JDK from the distribution when javac is missing, builds
# libvodkit_jni for the host and target/jvm/vodkit.jar (javac + jar, no
# Gradle or Maven), checks that every native method the Java classes declare
# has its export in the library, that every C function the Swift layer calls
# is in include/vodkit.h with as many parameters, and that the AAR's Java part
# packs (scripts/android-aar --no-native), then runs tests/VodkitTest.java
# against the emulator binary. Exits non-zero when anything fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"

if ! command -v javac >/dev/null 2>&1; then
    echo "run-tests.sh: installing openjdk-17-jdk-headless with apt-get" >&2
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless
fi

# The JNI library and the emulator, with the feature set of the workspace
# tests (`cargo test --workspace`, which scripts/test-all runs first): every
# package selected and the dev-dependencies on (--tests --examples), so only
# libvodkit_jni itself compiles here. A plain `cargo build -p vodkit-jvm`
# would resolve other features (tokio, serde_json, hyper... without the tests'
# and the other members' ones) and build the library and half its
# dependencies a second time. The cost of --lib: the Python extension's
# debug cdylib, once (the wheel is built for another target).
(cd "$repo" && cargo build --quiet --workspace --lib --tests --examples)
export VODKIT_EMULATOR="${VODKIT_EMULATOR:-$target/debug/vodkit-emulator}"
lib="$target/debug/libvodkit_jni.so"
[ "$(uname -s)" = Darwin ] && lib="$target/debug/libvodkit_jni.dylib"

# The jar: the API classes only, for Java 8+ bytecode users as well as
# Android's D8 (--release 11: java.lang.ref.Cleaner needs 9+).
out="$target/jvm"
rm -rf "$out/classes" "$out/test-classes" "$out/headers"
mkdir -p "$out/classes" "$out/test-classes"
javac --release 11 -Xlint:all -Werror -d "$out/classes" -h "$out/headers" \
    $(find "$here/java" -name '*.java' | sort)
jar --create --file "$out/vodkit.jar" -C "$out/classes" .
echo "built $out/vodkit.jar and $lib"

# Every native method javac saw (its -h headers) is exported by the library.
"$here/check-natives.sh" "$out/headers" "$lib"

# The Swift layer's C calls match include/vodkit.h (no Swift compiler here).
python3 "$repo/bindings/swift/check-c-calls.py" "$repo/include/vodkit.h" "$repo/bindings/swift/Sources"

# The AAR's Java half packs (the native half needs the NDK: the workflow).
"$repo/scripts/android-aar" --no-native --no-verifier --out "$out/aar" >/dev/null
aar="$(ls "$out"/aar/vodkit-*.aar)"
for entry in classes.jar AndroidManifest.xml proguard.txt R.txt; do
    jar -tf "$aar" | grep -qx "$entry" || { echo "$aar lacks $entry" >&2; exit 1; }
done
(cd "$out/aar" && rm -f classes.jar && jar -xf "$aar" classes.jar &&
    jar -tf classes.jar | grep -qx 'org/vodkit/VodkitClient.class') ||
    { echo "$aar: classes.jar lacks org/vodkit/VodkitClient.class" >&2; exit 1; }
echo "AAR (Java part) packs: $(basename "$aar")"

javac -Xlint:all -Werror -cp "$out/vodkit.jar" -d "$out/test-classes" "$here/tests/VodkitTest.java"
java -Xcheck:jni -Dvodkit.library="$lib" -cp "$out/vodkit.jar:$out/test-classes" VodkitTest
