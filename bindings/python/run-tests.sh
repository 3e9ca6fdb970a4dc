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
#   3. builds the published kind of wheel, abi3 manylinux2014 x86_64 with zig,
#      in the dev profile (scripts/python-wheels --profile dev, which also
#      makes target/python/tools with maturin, ziglang and auditwheel): the
#      suite's one build of the extension; and the sdist;
#   4. checks with `auditwheel show` that the wheel is manylinux2014
#      (manylinux_2_17_x86_64) — it needs nothing newer than glibc 2.17 —
#      and that it carries vodkit/bin/vodkit-emulator (executable);
#      with VODKIT_CROSS_WHEELS=1 also builds and checks the aarch64
#      manylinux2014 and the musllinux_1_2 wheels (two more full builds);
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

step "wheel and sdist: scripts/python-wheels --profile dev --sdist (manylinux2014 x86_64, zig)"
rm -rf "$WORK/wheels"
"$REPO/scripts/python-wheels" --profile dev --sdist --out "$WORK/wheels"
TOOLS="$WORK/tools"
wheel="$(ls "$WORK"/wheels/vodkit-*.whl)"
sdist="$(ls "$WORK"/wheels/vodkit-*.tar.gz)"
echo "built $(basename "$wheel") and $(basename "$sdist")"
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

step "auditwheel show: the wheel is manylinux2014 (manylinux_2_17_x86_64), with the emulator"
check_tag "$wheel" manylinux_2_17_x86_64
check_emulator "$wheel"

# The cross-built Linux wheels are two more full builds: on request only.
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
# (--no-build-isolation, zig from its ziglang) with the wheel's settings: zig's wrapper scripts are
# named after the maturin that runs them, and another name (an isolated build
# environment's) would make cargo rebuild every crate. The sdist is unpacked
# to a fixed place so that its own two crates, which do compile, replace
# their previous build. CARGO_TARGET_DIR is the wheel's target directory
# (named, not inherited: without it cargo would build every crate again in
# the unpacked sdist's own target/).
rm -rf "$WORK/sdist-src" "$WORK/sdist-wheel" "$WORK/sdist-venv"
mkdir -p "$WORK/sdist-src"
tar -xzf "$sdist" -C "$WORK/sdist-src"
CARGO_TARGET_DIR="$TARGET" PATH="$TOOLS/bin:$PATH" MATURIN_PEP517_ARGS="--profile dev --target x86_64-unknown-linux-gnu --zig --compatibility manylinux2014" \
    "$TOOLS/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-build-isolation --no-deps \
    --wheel-dir "$WORK/sdist-wheel" "$WORK"/sdist-src/vodkit-*/
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
