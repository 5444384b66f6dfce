#!/usr/bin/env bash
# Checks what users get from `scripts/package.sh`, as they get it:
#   - the .deb unpacked with `dpkg-deb -x` into a temporary root: its
#     binary runs `--version`, `check` on the installed scenarios and
#     `about`; `man -l` renders the installed man page; the .desktop entry
#     passes `desktop-file-validate`; icon and completions are in place;
#   - the tarball's install.sh into a temporary HOME, then --uninstall,
#     which must leave a trainee's attempts alone.
# Installs man-db and desktop-file-utils with apt-get when missing.
# Usage: scripts/test-package.sh [DEB TARBALL]  (default: newest in dist/)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
deb=${1:-$(ls -t dist/momento_"$version"-*.deb 2>/dev/null | head -n 1)}
tarball=${2:-$(ls -t dist/momento-"$version"-*.tar.gz 2>/dev/null | head -n 1)}
[[ -f $deb && -f $tarball ]] || {
    echo "no package in dist/: run scripts/package.sh first" >&2
    exit 1
}

need=()
command -v man >/dev/null || need+=(man-db)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
if ((${#need[@]})); then
    echo "== installing ${need[*]}"
    apt-get install -y --no-install-recommends "${need[@]}" >/dev/null ||
        { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() {
    passed=$((passed + 1))
    echo "ok    $1"
}
bad() {
    failed=$((failed + 1))
    echo "FAIL  $1"
}
# check DESCRIPTION COMMAND...: the command must exit 0.
check() {
    local what=$1
    shift
    if "$@" >"$work/out" 2>&1; then ok "$what"; else
        bad "$what"
        sed 's/^/      /' "$work/out" | head -n 20
    fi
}

echo "== $deb"
root=$work/root
check "dpkg-deb -x unpacks the package" dpkg-deb -x "$deb" "$root"
dpkg-deb -f "$deb" Package Version Architecture Depends Installed-Size | sed 's/^/      /'
bin=$root/usr/bin/momento
export HOME=$work/home LC_ALL=C LANG=C
mkdir -p "$HOME"
check "the binary is installed and executable" test -x "$bin"
check "momento --version names the version and formats" \
    bash -c '"$1" --version | tee /dev/stderr | grep -q "^momento $2\$" && "$1" --version | grep -q "scenario files: format"' _ "$bin" "$version"
shared=$root/usr/share/momento/scenarios
check "the installed scenarios are there (es and en)" \
    bash -c '[ "$(ls "$1"/es/*.ron | wc -l)" -ge 1 ] && [ "$(ls "$1"/es/*.ron | wc -l)" = "$(ls "$1"/en/*.ron | wc -l)" ]' _ "$shared"
check "momento check passes on the installed scenarios" "$bin" check "$shared"
check "momento check passes on one installed scenario file" "$bin" check "$shared/en/warranty-no-receipt.ron"
check "momento check fails on a broken file" \
    bash -c 'printf "(format: 1, id: \"x\"" >"$2/broken.ron"; ! "$1" check "$2/broken.ron"' _ "$bin" "$work"
check "momento about finds the installed scenarios next to the binary" \
    bash -c '"$1" about | grep -qF "$2"' _ "$bin" "$shared"
page=$root/usr/share/man/man1/momento.1.gz
check "the man page is gzipped" gzip -t "$page"
check "man -l renders the man page" \
    bash -c 'MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "momento - Practise the moments of truth"' _ "$page"
check "the man page renders without groff warnings" \
    bash -c '[ -z "$(MANWIDTH=80 man --warnings -l "$1" 2>&1 >/dev/null)" ]' _ "$page"
check "each visible command has its page (momento-check.1.gz)" test -f "$root/usr/share/man/man1/momento-check.1.gz"
check "desktop-file-validate accepts the menu entry" \
    desktop-file-validate "$root/usr/share/applications/momento.desktop"
check "the icon is a 256x256 PNG where the menu entry looks" \
    bash -c 'file "$1" | grep -q "PNG image data, 256 x 256"' _ "$root/usr/share/icons/hicolor/256x256/apps/momento.png"
check "bash completion loads and completes momento" \
    bash -c 'source "$1" && complete -p momento' _ "$root/usr/share/bash-completion/completions/momento"
check "zsh and fish completions are installed" \
    test -s "$root/usr/share/zsh/vendor-completions/_momento" -a -s "$root/usr/share/fish/vendor_completions.d/momento.fish"

echo "== $tarball"
check "the tarball unpacks" tar -C "$work" -xzf "$tarball"
unpacked=$(find "$work" -maxdepth 1 -type d -name 'momento-*' | head -n 1)
check "the unpacked binary runs in place" "$unpacked/bin/momento" check
check "install.sh installs into ~/.local" "$unpacked/install.sh"
local_bin=$HOME/.local/bin/momento
check "the installed binary runs" bash -c '"$1" --version | grep -q "^momento $2$"' _ "$local_bin" "$version"
check "the menu entry points at the installed binary and validates" \
    bash -c 'grep -qx "Exec=\"$1\"" "$2" && desktop-file-validate "$2"' _ "$local_bin" "$HOME/.local/share/applications/momento.desktop"
check "man finds the installed page" \
    bash -c 'MANWIDTH=80 man -l "$1/.local/share/man/man1/momento.1.gz" 2>/dev/null | grep -q "^NAME"' _ "$HOME"
check "the installed binary finds its scenario copies" \
    bash -c '"$1" about | grep -qF "$2/.local/share/momento/scenarios"' _ "$local_bin" "$HOME"
# A trainee's attempt, in the same data folder as the scenario copies.
attempt=$HOME/.local/share/momento/attempts/trainee.json
mkdir -p "$(dirname "$attempt")"
echo '{"format": 2}' >"$attempt"
check "install.sh --uninstall removes the program" \
    bash -c '"$1/install.sh" --uninstall && [ ! -e "$2" ] && [ ! -e "$3/.local/share/momento/scenarios" ] && [ ! -e "$3/.local/share/applications/momento.desktop" ]' _ "$unpacked" "$local_bin" "$HOME"
check "uninstalling keeps the trainee's attempts" test -s "$attempt"

echo "package checks: $passed of $((passed + failed)) passed"
[[ $failed -eq 0 ]]
