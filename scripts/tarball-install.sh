#!/bin/sh
# Installs Momento from this unpacked folder into ~/.local, without root:
# the program, the application-menu entry and icon, the man pages, shell
# completions and copies of the built-in scenarios for trainers.
# (`scripts/package.sh` ships this file as `install.sh` in the tarball.)
#
#   ./install.sh                 install into ~/.local
#   ./install.sh --prefix DIR    install into DIR (bin/, share/...)
#   ./install.sh --uninstall     remove what an install put there
#
# Uninstalling removes only the files listed at install time; a trainee's
# attempts and settings are never touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME:?HOME is not set}/.local"
action=install

usage() {
    sed -n '2,12s/^# \{0,1\}//p' "$0"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix)
            [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
            prefix=$2
            shift 2
            ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

manifest="$prefix/share/momento/installed-files.txt"

# Copies $1 (relative to this folder) to $2 (relative to the prefix) with
# mode $3, and records it for --uninstall.
put() {
    mkdir -p "$(dirname "$prefix/$2")"
    cp "$here/$1" "$prefix/$2.new.$$"
    chmod "$3" "$prefix/$2.new.$$"
    mv -f "$prefix/$2.new.$$" "$prefix/$2"
    printf '%s\n' "$2" >>"$manifest.new.$$"
}

uninstall() {
    if [ ! -f "$manifest" ]; then
        echo "Momento is not installed in $prefix (no $manifest)." >&2
        exit 1
    fi
    count=0
    while IFS= read -r file; do
        case "$file" in
            '' | /* | *..*) continue ;; # only plain paths under the prefix
        esac
        if [ -f "$prefix/$file" ] || [ -L "$prefix/$file" ]; then
            rm -f "$prefix/$file"
            count=$((count + 1))
        fi
        # Empty folders left behind go too; a folder with anything else
        # in it (attempts, settings, other programs) stays.
        dir=$(dirname "$prefix/$file")
        while [ "$dir" != "$prefix" ] && rmdir "$dir" 2>/dev/null; do
            dir=$(dirname "$dir")
        done
    done <"$manifest"
    rm -f "$manifest"
    rmdir "$prefix/share/momento" 2>/dev/null || true
    echo "Removed $count files of Momento from $prefix."
}

install() {
    [ -x "$here/bin/momento" ] || { echo "install.sh: $here/bin/momento is missing" >&2; exit 1; }
    trap 'rm -f "$manifest.new.$$"' EXIT
    mkdir -p "$prefix/share/momento"
    : >"$manifest.new.$$"
    put bin/momento bin/momento 755
    # The menu entry names the program by its full path: a desktop
    # session's PATH often lacks ~/.local/bin.
    mkdir -p "$prefix/share/applications"
    sed "s|^Exec=momento\$|Exec=\"$prefix/bin/momento\"|" \
        "$here/share/applications/momento.desktop" >"$prefix/share/applications/momento.desktop"
    chmod 644 "$prefix/share/applications/momento.desktop"
    printf '%s\n' share/applications/momento.desktop >>"$manifest.new.$$"
    put share/icons/hicolor/256x256/apps/momento.png share/icons/hicolor/256x256/apps/momento.png 644
    for page in "$here"/share/man/man1/*.1.gz; do
        put "share/man/man1/${page##*/}" "share/man/man1/${page##*/}" 644
    done
    put share/bash-completion/completions/momento share/bash-completion/completions/momento 644
    put share/zsh/site-functions/_momento share/zsh/site-functions/_momento 644
    put share/fish/vendor_completions.d/momento.fish share/fish/vendor_completions.d/momento.fish 644
    put share/doc/momento/README.md share/doc/momento/README.md 644
    put share/momento/scenarios/README.md share/momento/scenarios/README.md 644
    for lang in es en; do
        for scenario in "$here/share/momento/scenarios/$lang"/*.ron; do
            [ -f "$scenario" ] || continue
            name=share/momento/scenarios/$lang/${scenario##*/}
            put "$name" "$name" 644
        done
    done
    mv -f "$manifest.new.$$" "$manifest"
    # No cache is refreshed: desktops watch these folders, and a cache
    # file made here would outlive an uninstall.
    echo "Installed Momento $("$prefix/bin/momento" --version 2>/dev/null | head -n 1 | cut -d' ' -f2) into $prefix:"
    echo "  program:   $prefix/bin/momento"
    echo "  menu:      $prefix/share/applications/momento.desktop"
    echo "  man page:  man momento"
    echo "  scenarios: $prefix/share/momento/scenarios (copies for trainers)"
    case ":$PATH:" in
        *":$prefix/bin:"*) ;;
        *) echo "Note: $prefix/bin is not on your PATH; add it to run 'momento' from a terminal." ;;
    esac
    if [ "$prefix" = "$HOME/.local" ]; then
        echo "To remove it: $0 --uninstall"
    else
        echo "To remove it: $0 --uninstall --prefix $prefix"
    fi
}

"$action"
