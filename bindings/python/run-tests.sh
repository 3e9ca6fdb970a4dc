#!/usr/bin/env bash
# The Python package's whole test suite, from a fresh machine (Rust, a C
# compiler and CPython >= 3.9 with venv; nothing is installed into that
# Python — every tool goes to a virtualenv under target/python/):
#   1. builds what the workspace tests build, with their one feature set
#      (cargo test --workspace --no-run: nothing to do after `cargo test
#      --workspace`, which scripts/test-all runs first), and uses the binaries
#      in target/debug: a `cargo build -p …` or `cargo run -p …` would resolve
#      other features and build the library and emulator again;
#   2. checks that the generated typed classes and stubs (vodkit/_generated/)
#      match the catalog: vodkit-codegen --check;
#   3. builds the wheel for this machine (scripts/python-wheels --targets
#      host --profile dev): maturin over the workspace's test build, so it
#      compiles only the pyo3 crates and the module — the suite's one build of
#      the extension, which this step checks (any other crate compiled means
#      bindings/python/Cargo.toml's feature list no longer matches the
#      workspace's) — carrying the emulator the test build made; and the sdist;
#   4. checks that the wheel carries vodkit/bin/vodkit-emulator (executable);
#      with VODKIT_RELEASE_WHEELS=1 also builds the published kind of wheel,
#      abi3 manylinux2014 x86_64 with zig in the dev profile (a second build of
#      every dependency, for another target and C library: 5-6 minutes cold),
#      and checks with `auditwheel show` that it is manylinux2014
#      (manylinux_2_17_x86_64) and carries its emulator; with
#      VODKIT_CROSS_WHEELS=1 also the aarch64 manylinux2014 and the
#      musllinux_1_2 wheels (two more full builds). The release workflow
#      builds the published wheels with the same script, and maturin refuses
#      a wheel whose symbols break its --compatibility policy;
#   5. installs the wheel into a fresh virtualenv with pytest, pytest-asyncio,
#      mypy and the examples' FastAPI and httpx, and checks `python -c
#      "import vodkit"` there;
#   6. runs pytest (tests/) in that virtualenv against the emulator the wheel
#      carries (VODKIT_EMULATOR unset, no vodkit-emulator on PATH), then the
#      examples users copy (examples/: the sandbox test, the FastAPI endpoint);
#   7. checks the hand-written stubs of the native module
#      (python -m mypy.stubtest vodkit._vodkit) and type-checks the installed
#      package, generated stubs included (python -m mypy --strict -p vodkit),
#      and the examples against it;
#   8. builds the sdist with pip (`pip wheel` of its unpacked sources through
#      its PEP 517 backend, with the wheel's settings and target directory, so
#      only the sdist's own crates compile), installs the result into a second
#      fresh virtualenv and signs a request with it.
# Exits non-zero on the first failure. Work files go to target/python/.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
WORK="$TARGET/python"
export PYTHONDONTWRITEBYTECODE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS
mark() { printf '    (%ss so far)\n' "$((SECONDS - started))"; }

step "build: cargo test --workspace --no-run (the workspace tests' artifacts)"
(cd "$REPO" && cargo test --workspace --no-run --quiet)
export VODKIT_EMULATOR="$TARGET/debug/vodkit-emulator"
mark

step "generated files: vodkit-codegen --check"
(cd "$REPO" && "$TARGET/debug/vodkit-codegen" --check)
mark

step "wheel and sdist: scripts/python-wheels --targets host --profile dev --sdist (the test build's dependencies)"
rm -rf "$WORK/wheels"
stamp="$WORK/wheel-build.stamp"
mkdir -p "$WORK" && touch "$stamp"
"$REPO/scripts/python-wheels" --targets host --profile dev --emulator "$VODKIT_EMULATOR" --sdist --out "$WORK/wheels"
TOOLS="$WORK/tools"
wheel="$(ls "$WORK"/wheels/vodkit-*.whl)"
sdist="$(ls "$WORK"/wheels/vodkit-*.tar.gz)"
echo "built $(basename "$wheel") and $(basename "$sdist")"
# What cargo compiled for the wheel (each compiled unit rewrites its
# fingerprint) must be crates only the Python module uses: anything else is a
# dependency the test build had built with other features, built again.
python_only="$(cd "$REPO" && comm -23 \
    <(cargo tree -q -p vodkit-python -e normal,build --prefix none -f '{p}' | cut -d' ' -f1 | sort -u) \
    <(cargo tree -q --workspace --exclude vodkit-python -e normal,build,dev --prefix none -f '{p}' | cut -d' ' -f1 | sort -u))"
rebuilt="$(find "$TARGET/debug/.fingerprint" -name '*.json' -newer "$stamp" | sed -E 's|.*/\.fingerprint/(.*)-[0-9a-f]{16}/.*|\1|' | sort -u |
    grep -vxF -f <(echo "$python_only") || true)"
if [ -n "$rebuilt" ]; then
    echo "the wheel build compiled crates the test build had already built: $(echo $rebuilt)" >&2
    echo "  their features differ between \`cargo test --workspace\` and bindings/python alone:" >&2
    echo "  compare \`cargo tree -e features -i CRATE --workspace\` with \`... -p vodkit-python\` and add the" >&2
    echo "  missing features to bindings/python/Cargo.toml's list for the test build" >&2
    exit 1
fi
echo "the wheel build compiled only what the Python module alone uses"
mark

# check_tag WHEEL POLICY: auditwheel names the policy (the oldest C library)
# the wheel's symbols allow, and the file name carries the same tag.
check_tag() {
    local audit
    audit="$("$TOOLS/bin/auditwheel" show "$1")"
    echo "$audit"
    case "$audit" in
        *"\"$2\""*) ;;
        *) echo "auditwheel: $(basename "$1") is not $2" >&2; return 1 ;;
    esac
    case "$(basename "$1")" in
        *-cp39-abi3-*"$2"*.whl) ;;
        *) echo "unexpected wheel tag: $(basename "$1") (wanted $2)" >&2; return 1 ;;
    esac
}

# check_emulator WHEEL: the wheel carries an executable vodkit/bin/vodkit-emulator
# (auditwheel show above covers its symbols too: every ELF file in the wheel).
check_emulator() {
    "$TOOLS/bin/python" - "$1" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    info = z.getinfo("vodkit/bin/vodkit-emulator")
    mode = info.external_attr >> 16
    assert mode & 0o111, f"vodkit/bin/vodkit-emulator is not executable in the wheel (mode {mode:o})"
    print(f"the wheel carries vodkit/bin/vodkit-emulator ({info.file_size} bytes, {info.compress_size} compressed, mode {mode & 0o777:o})")
PY
}

step "the wheel carries the emulator"
check_emulator "$wheel"

# The published kind of wheel and the cross-built ones are full builds of
# their own: on request only (the release workflow builds them with the same
# script).
if [ -n "${VODKIT_RELEASE_WHEELS:-}${VODKIT_CROSS_WHEELS:-}" ]; then
    step "release wheel (VODKIT_RELEASE_WHEELS=1): manylinux2014 x86_64 with zig, dev profile"
    rm -rf "$WORK/release-wheels"
    "$REPO/scripts/python-wheels" --profile dev --out "$WORK/release-wheels"
    release="$(ls "$WORK"/release-wheels/vodkit-*manylinux_2_17_x86_64*.whl)"
    check_tag "$release" manylinux_2_17_x86_64
    check_emulator "$release"
    mark
fi
if [ -n "${VODKIT_CROSS_WHEELS:-}" ]; then
    step "cross wheels (VODKIT_CROSS_WHEELS=1): manylinux2014 aarch64, musllinux_1_2 x86_64"
    rm -rf "$WORK/cross-wheels"
    "$REPO/scripts/python-wheels" --profile dev --targets manylinux2014-aarch64,musllinux_1_2-x86_64 --out "$WORK/cross-wheels"
    aarch64="$(ls "$WORK"/cross-wheels/vodkit-*manylinux_2_17_aarch64*.whl)"
    check_tag "$aarch64" manylinux_2_17_aarch64
    check_emulator "$aarch64"
    # auditwheel judges a musl wheel only on a musl host: musl's loader does here.
    musl="$(ls "$WORK"/cross-wheels/vodkit-*musllinux_1_2_x86_64*.whl)"
    "$REPO/bindings/python/check-musl-wheel" "$musl"
    check_emulator "$musl"
    mark
fi

# From here on the tests find the emulator as a user's do: the one the wheel
# carries, with no VODKIT_EMULATOR and none on PATH.
unset VODKIT_EMULATOR
PATH="$(printf '%s:' "$PATH" | tr ':' '\n' | while read -r dir; do [ -e "$dir/vodkit-emulator" ] || printf '%s:' "$dir"; done)"
PATH="${PATH%:}"

step "fresh virtualenv with the wheel, pytest, pytest-asyncio, mypy, FastAPI and httpx (and Flask, for the README's callback block)"
rm -rf "$WORK/venv"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
"$VPY" -m pip install --quiet "$wheel" pytest mypy pytest-asyncio fastapi httpx python-multipart flask
(cd "$WORK" && "$VPY" -c 'import vodkit, sys; print("import vodkit:", vodkit.__version__, "from", vodkit.__file__)')
mark

step "pytest"
export VODKIT_TEST_INSTALLED_WHEEL=1
(cd "$HERE" && "$VPY" -m pytest -p no:cacheprovider tests)
mark

step "pytest examples (the sandbox test, the FastAPI endpoint)"
(cd "$HERE" && "$VPY" -m pytest -p no:cacheprovider examples)
mark

step "stub check: mypy.stubtest vodkit._vodkit"
(cd "$WORK" && "$VPY" -m mypy.stubtest vodkit._vodkit)

step "type check: mypy --strict -p vodkit"
(cd "$WORK" && "$VPY" -m mypy --strict --no-incremental -p vodkit)
(cd "$HERE/examples" && "$VPY" -m mypy --strict --no-incremental --cache-dir /dev/null .)

step "sdist: pip builds the extension from the sdist's sources, then installs it"
# pip runs the sdist's PEP 517 backend (maturin) from the tools' virtualenv
# (--no-build-isolation: no second maturin to fetch) with the wheel's
# settings, so the dependencies are the test build's; CARGO_TARGET_DIR is
# named (without it cargo would build every crate again in the unpacked
# sdist's own target/). Only the sdist's own two crates compile.
# Unpacked at the root of its own workspace, as the core is at the
# repository's, the sdist's core gets the test build's core's unit hashes:
# cargo writes its fingerprints, build-script output and artifacts (a
# cdylib's carry no hash) over the test build's, and the next `cargo test`
# would build the core and all above it again. The test build's are kept
# aside and put back as they were.
keep="$WORK/test-build-core.tar"
# Every name a pattern, so that with nullglob a file the test build did not
# write (`cargo test` uplifts vodkit.d and libvodkit.*, `cargo nextest`'s
# build does not) drops out instead of failing tar.
core() { (cd "$TARGET/debug" && shopt -s nullglob && "$@" .fingerprint/vodkit-* build/vodkit-* deps/libvodkit.* deps/vodkit.[d] libvodkit.* vodkit.[d]); }
rm -rf "$WORK/sdist-src" "$WORK/sdist-wheel" "$WORK/sdist-venv"
mkdir -p "$WORK/sdist-src"
core tar -cf "$keep"
tar -xzf "$sdist" -C "$WORK/sdist-src"
CARGO_TARGET_DIR="$TARGET" PATH="$TOOLS/bin:$PATH" MATURIN_PEP517_ARGS="--profile dev" \
    "$TOOLS/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-build-isolation --no-deps \
    --wheel-dir "$WORK/sdist-wheel" "$WORK"/sdist-src/vodkit-*/
core rm -rf
(cd "$TARGET/debug" && tar -xf "$keep")
rm -f "$keep"
"$PYTHON" -m venv "$WORK/sdist-venv"
SPY="$WORK/sdist-venv/bin/python"
"$SPY" -m pip install --quiet "$WORK"/sdist-wheel/vodkit-*.whl
(cd "$WORK" && "$SPY" -c '
import hashlib, vodkit
assert "sdist-venv" in vodkit._vodkit.__file__, vodkit._vodkit.__file__
assert vodkit.sign({"a": "1"}, "k") == hashlib.md5(b"a=1&partner_key=k").hexdigest()
print("sdist build:", vodkit.__version__, "from", vodkit._vodkit.__file__)
')
mark

step "Python package: all checks passed in $((SECONDS - started)) s"
