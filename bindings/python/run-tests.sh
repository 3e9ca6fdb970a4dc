#!/usr/bin/env bash
# The Python package's whole test suite, from a fresh machine (Rust, a C
# compiler and CPython >= 3.9 with pip and venv):
#   1. installs maturin, pytest and mypy for $PYTHON when missing;
#   2. checks that the generated typed classes and stubs (vodkit/_generated/)
#      match the catalog: cargo run -p vodkit-codegen -- --check;
#   3. builds the library and the emulator (cargo build -p vodkit -p vodkit-emulator,
#      the same feature set as the workspace tests, so nothing is rebuilt);
#   4. builds the abi3 wheel with maturin;
#   5. installs it into a fresh virtualenv with pytest and mypy, and checks
#      `python -c "import vodkit"` there;
#   6. runs pytest (tests/) in that virtualenv against the emulator;
#   7. checks the hand-written stubs of the native module
#      (python -m mypy.stubtest vodkit._vodkit) and type-checks the installed
#      package, generated stubs included (python -m mypy --strict -p vodkit).
# Exits non-zero on the first failure. Work files go to target/python/.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$REPO/target/python"
export PYTHONDONTWRITEBYTECODE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS
mark() { printf '    (%ss so far)\n' "$((SECONDS - started))"; }

step "tools: maturin, pytest, mypy for $("$PYTHON" --version 2>&1)"
missing=()
"$PYTHON" -m maturin --version >/dev/null 2>&1 || missing+=("maturin>=1.9,<2")
"$PYTHON" -m pytest --version >/dev/null 2>&1 || missing+=(pytest)
"$PYTHON" -m mypy --version >/dev/null 2>&1 || missing+=(mypy)
if ((${#missing[@]})); then
    "$PYTHON" -m pip install --quiet "${missing[@]}"
fi
"$PYTHON" -m maturin --version

step "generated files: cargo run -p vodkit-codegen -- --check"
(cd "$REPO" && cargo run --quiet -p vodkit-codegen -- --check)
mark

step "emulator: cargo build -p vodkit -p vodkit-emulator"
(cd "$REPO" && cargo build --quiet -p vodkit -p vodkit-emulator)
export VODKIT_EMULATOR="$REPO/target/debug/vodkit-emulator"
mark

step "wheel: maturin build (dev profile: the test build's artifacts are reused)"
rm -rf "$WORK/wheels"
(cd "$HERE" && "$PYTHON" -m maturin build --quiet --profile dev --out "$WORK/wheels")
wheel="$(ls "$WORK"/wheels/vodkit-*.whl)"
echo "built $(basename "$wheel")"
mark

step "fresh virtualenv with the wheel, pytest and mypy"
rm -rf "$WORK/venv"
"$PYTHON" -m venv "$WORK/venv"
VPY="$WORK/venv/bin/python"
"$VPY" -m pip install --quiet "$wheel" pytest mypy
(cd "$WORK" && "$VPY" -c 'import vodkit, sys; print("import vodkit:", vodkit.__version__, "from", vodkit.__file__)')
mark

step "pytest"
export VODKIT_TEST_INSTALLED_WHEEL=1
(cd "$HERE" && "$VPY" -m pytest -p no:cacheprovider tests)
mark

step "stub check: mypy.stubtest vodkit._vodkit"
(cd "$WORK" && "$VPY" -m mypy.stubtest vodkit._vodkit)

step "type check: mypy --strict -p vodkit"
(cd "$WORK" && "$VPY" -m mypy --strict --no-incremental -p vodkit)

step "Python package: all checks passed in $((SECONDS - started)) s"
