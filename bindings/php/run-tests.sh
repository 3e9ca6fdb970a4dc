#!/usr/bin/env bash
# The PHP package's tests, from a fresh Debian (or Ubuntu) machine with Rust:
# installs php-cli and phpunit from the distribution when missing (no Composer,
# no Packagist), builds libvodkit and the emulator with cargo (the workspace
# tests' build), installs the library into the package's lib/ from a release
# archive with bin/vodkit-install-lib (below), and runs the PHPUnit suite
# against the emulator, then the examples users copy (examples/: the sandbox
# test, the Laravel example run as a Laravel app, on Debian's
# php-laravel-framework; the second testsuite of phpunit.xml). Extra arguments go to phpunit
# (e.g. --filter UploadTest). Exits non-zero when anything fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

missing=()
command -v php >/dev/null 2>&1 || missing+=(php-cli)
command -v phpunit >/dev/null 2>&1 || missing+=(phpunit)
# Laravel for examples/laravel: Debian's packages put it on PHP's include_path.
php -r 'exit(stream_resolve_include_path("Illuminate/autoload.php") ? 0 : 1);' 2>/dev/null || missing+=(php-laravel-framework)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "run-tests.sh: installing ${missing[*]} with apt-get" >&2
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

php -r 'exit(PHP_VERSION_ID >= 80100 ? 0 : 1);' || { echo "run-tests.sh: PHP >= 8.1 is required, found $(php -r 'echo PHP_VERSION;')" >&2; exit 1; }
php -r 'exit(extension_loaded("ffi") ? 0 : 1);' || { echo "run-tests.sh: this PHP has no FFI extension (extension=ffi)" >&2; exit 1; }

# What the workspace tests build, with their one feature set: nothing to do
# after `cargo test --workspace` (scripts/test-all runs it first), where a
# `cargo build -p vodkit -p vodkit-emulator` would resolve other features and
# build both again.
(cd "$repo" && cargo test --workspace --no-run --quiet)

target="${CARGO_TARGET_DIR:-$repo/target}"
case "$(uname -s)" in
    Darwin) lib=libvodkit.dylib ;;
    *) lib=libvodkit.so ;;
esac
# The library `cargo test` built stays in deps/; copy it up to target/debug
# as `cargo build` would (no second build), so the repository's default
# location (Library::defaultLocations, tested) holds this build, not an
# older one.
cp "$target/debug/deps/$lib" "$target/debug/.$lib.tmp"
mv -f "$target/debug/.$lib.tmp" "$target/debug/$lib"
export VODKIT_EMULATOR="${VODKIT_EMULATOR:-$target/debug/vodkit-emulator}"

# The suite runs against a library installed the way a PHP developer
# installs it: bin/vodkit-install-lib unpacks a release archive into the
# package's lib/. The archive is scripts/dist's own
# (vodkit-<version>-<target>.tar.gz: lib/libvodkit.so.<abi> with its
# libvodkit.so link, include/vodkit/, bin/vodkit), packed from the debug build
# above (a release build would cost minutes). VODKIT_RELEASE_ARCHIVE=path tests
# another one (a release's); VODKIT_LIBRARY=path skips the archive and tests
# that file.
if [ -z "${VODKIT_LIBRARY:-}" ]; then
    if [ -z "${VODKIT_RELEASE_ARCHIVE:-}" ]; then
        pack="$target/php/dist"
        rm -rf "$pack"
        "$repo/scripts/dist" --from "$target/debug/deps" --cli "$target/debug/vodkit" \
            --out "$pack" --no-wheels >/dev/null
        VODKIT_RELEASE_ARCHIVE="$(ls "$pack"/vodkit-*.tar.gz)"
        export VODKIT_RELEASE_ARCHIVE
    fi
    php "$here/bin/vodkit-install-lib" "$VODKIT_RELEASE_ARCHIVE"
    export VODKIT_LIBRARY="$here/lib/$lib"
fi

cd "$here"
phpunit --configuration phpunit.xml "$@"
