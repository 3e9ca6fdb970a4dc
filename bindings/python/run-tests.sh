#!/usr/bin/env bash
# The Python package's whole test suite, from a fresh machine (Rust, a C
# compiler and CPython >= 3.9 with venv; nothing is installed into that
# Python — every tool goes to a virtualenv under target/python/):
#   1. makes target/python/tools, a virtualenv with maturin (kept between runs);
#   2. builds what the workspace tests build, with their one feature set
#      (cargo test --workspace --no-run: nothing to do after `cargo test
#      --workspace`, which scripts/test-all runs first), and uses the binaries
#      in target/debug: a `cargo build -p …` or `cargo run -p …` would resolve
#      other features and build the library and emulator again;
#   3. checks that the generated typed classes and stubs (vodkit/_generated/)
#      match the catalog: vodkit-codegen --check;
#   4. builds the abi3 wheel with maturin (dev profile);
#   5. installs it into a fresh virtualenv with pytest, pytest-asyncio, mypy
#      and the examples' FastAPI and httpx, and checks `python -c "import
#      vodkit"` there;
#   6. runs pytest (tests/) in that virtualenv against the emulator, then the
#      examples users copy (examples/: the sandbox test, the FastAPI endpoint);
#   7. checks the hand-written stubs of the native module
#      (python -m mypy.stubtest vodkit._vodkit) and type-checks the installed
#      package, generated stubs included (python -m mypy --strict -p vodkit),
#      and the examples against it.
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

step "tools: a virtualenv with maturin in $WORK/tools"
TOOLS="$WORK/tools"
if ! "$TOOLS/bin/python" -m maturin --version >/dev/null 2>&1; then
    rm -rf "$TOOLS"
    "$PYTHON" -m venv "$TOOLS"
    "$TOOLS/bin/python" -m pip install --quiet "maturin>=1.9,<2"
fi
"$TOOLS/bin/python" -m maturin --version

step "build: cargo test --workspace --no-run (the workspace tests' artifacts)"
(cd "$REPO" && cargo test --workspace --no-run --quiet)
export VODKIT_EMULATOR="$TARGET/debug/vodkit-emulator"
mark

step "generated files: vodkit-codegen --check"
(cd "$REPO" && "$TARGET/debug/vodkit-codegen" --check)
mark

step "wheel: maturin build (dev profile)"
rm -rf "$WORK/wheels"
(cd "$HERE" && "$TOOLS/bin/python" -m maturin build --quiet --profile dev --out "$WORK/wheels")
wheel="$(ls "$WORK"/wheels/vodkit-*.whl)"
echo "built $(basename "$wheel")"
mark

step "fresh virtualenv with the wheel, pytest, pytest-asyncio, mypy, FastAPI and httpx"
rm -rf "$WORK/venv"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
"$VPY" -m pip install --quiet "$wheel" pytest mypy pytest-asyncio fastapi httpx python-multipart
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

step "Python package: all checks passed in $((SECONDS - started)) s"
