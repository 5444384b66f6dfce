#!/usr/bin/env bash
# Builds what people install without Rust, into dist/:
#   dist/momento_<version>-1_<arch>.deb          the Debian package (cargo-deb)
#   dist/momento-<version>-<arch>-linux.tar.gz   a portable tarball with install.sh
# and prints their paths and sizes. Installs cargo-deb if it is missing.
# Honours CARGO_TARGET_DIR. `scripts/test-package.sh` checks the result.
# MOMENTO_PACKAGE_PROFILE=dev packs a debug build instead: only for trying
# the packaging itself quickly, never for people.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
arch=$(uname -m)
target_dir=${CARGO_TARGET_DIR:-target}
dist=dist
generated=$dist/generated

if ! cargo deb --version >/dev/null 2>&1; then
    echo "== installing cargo-deb"
    cargo install cargo-deb --locked
fi

profile=${MOMENTO_PACKAGE_PROFILE:-release}
case $profile in
    release) profile_dir=release ;;
    dev) profile_dir=debug ;;
    *) echo "MOMENTO_PACKAGE_PROFILE is release or dev" >&2; exit 2 ;;
esac
echo "== $profile build"
cargo build --profile "$profile" --locked --bin momento
bin=$target_dir/$profile_dir/momento

echo "== man pages and completions (from the clap definitions)"
rm -rf "$generated"
# English pages whatever the builder's locale, like --help.
LC_ALL=C LANG=C "$bin" generate-man "$generated/man"
gzip -9 -n "$generated"/man/*.1
"$bin" generate-completions "$generated/completions"

echo "== Debian package"
deb=$(cargo deb --no-build --profile "$profile" --output "$dist/" | tail -n 1)
[[ -f $deb ]] || { echo "cargo deb wrote no package (said: $deb)" >&2; exit 1; }

echo "== tarball"
name=momento-$version-$arch-linux
stage=$dist/$name
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/share/applications" "$stage/share/icons/hicolor/256x256/apps" \
    "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d" \
    "$stage/share/doc/momento" "$stage/share/momento/scenarios/es" "$stage/share/momento/scenarios/en"
cp "$bin" "$stage/bin/momento"
strip "$stage/bin/momento" 2>/dev/null || true
cp assets/momento.desktop "$stage/share/applications/"
cp assets/icon.png "$stage/share/icons/hicolor/256x256/apps/momento.png"
cp "$generated"/man/*.1.gz "$stage/share/man/man1/"
cp "$generated/completions/momento.bash" "$stage/share/bash-completion/completions/momento"
cp "$generated/completions/_momento" "$stage/share/zsh/site-functions/_momento"
cp "$generated/completions/momento.fish" "$stage/share/fish/vendor_completions.d/momento.fish"
cp README.md "$stage/share/doc/momento/README.md"
cp README.md "$stage/README.md"
cp scenarios/README.md "$stage/share/momento/scenarios/README.md"
cp scenarios/es/*.ron "$stage/share/momento/scenarios/es/"
cp scenarios/en/*.ron "$stage/share/momento/scenarios/en/"
cp scripts/tarball-install.sh "$stage/install.sh"
chmod 755 "$stage/install.sh" "$stage/bin/momento"
tarball=$dist/$name.tar.gz
tar -C "$dist" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
rm -rf "$stage"

echo "== done in $(($(date +%s) - started)) s"
for file in "$deb" "$tarball"; do
    printf '%s  %s bytes (%s)\n' "$file" "$(stat -c %s "$file")" "$(du -h "$file" | cut -f1)"
done
