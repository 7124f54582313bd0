#!/usr/bin/env bash
# Install the HAI Desk bundle for the current user (no root): the program under
# ~/.local/opt/hai-desk, a launcher in ~/.local/bin, a menu entry and its icons.
# Running it again with a newer bundle upgrades in place. The user's data (profile,
# database, backups: ~/.local/share/HAI Desk) is never touched, here or by --uninstall.
#
#   installer/linux/install.sh [BUNDLE_DIR]    default: dist/hai-desktop (scripts/bundle)
#   installer/linux/install.sh --uninstall
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${HAI_INSTALL_PREFIX:-$HOME/.local/opt/hai-desk}
bin_dir=$HOME/.local/bin
desktop_file=$data_home/applications/hai-desk.desktop
sizes=(16 24 32 48 64 128 256)

uninstall() {
  rm -rf "$prefix"
  rm -f "$bin_dir/hai-desktop" "$desktop_file"
  for s in "${sizes[@]}"; do rm -f "$data_home/icons/hicolor/${s}x${s}/apps/hai-desk.png"; done
  rm -f "$data_home/icons/hicolor/scalable/apps/hai-desk.svg"
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data_home/applications" || true
  echo "HAI Desk removed (your data in \"$data_home/HAI Desk\" is kept)."
}

if [ "${1:-}" = "--uninstall" ]; then uninstall; exit 0; fi

bundle=${1:-$repo/dist/hai-desktop}
if [ ! -x "$bundle/hai-desktop" ]; then
  echo "no bundle at $bundle (build it first: bash scripts/bundle)" >&2
  exit 2
fi
icons=$bundle/_internal/hai_desktop/resources/icons
[ -d "$icons" ] || icons=$repo/hai_desktop/resources/icons

# Upgrade in place: the new copy goes beside the old one and replaces it in one rename.
mkdir -p "$(dirname "$prefix")" "$bin_dir" "$data_home/applications"
staging="$prefix.new.$$"
rm -rf "$staging"
cp -a "$bundle" "$staging"
rm -rf "$prefix.old"
[ -e "$prefix" ] && mv "$prefix" "$prefix.old"
mv "$staging" "$prefix"
rm -rf "$prefix.old"

ln -sfn "$prefix/hai-desktop" "$bin_dir/hai-desktop"
for s in "${sizes[@]}"; do
  install -D -m 0644 "$icons/hai-desk-$s.png" "$data_home/icons/hicolor/${s}x${s}/apps/hai-desk.png"
done
install -D -m 0644 "$icons/hai-desk.svg" "$data_home/icons/hicolor/scalable/apps/hai-desk.svg"
sed "s|@EXEC@|$prefix/hai-desktop|" "$here/hai-desk.desktop.in" > "$desktop_file"
chmod 0644 "$desktop_file"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data_home/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
echo "HAI Desk installed in $prefix (menu: HAI Desk; command: $bin_dir/hai-desktop)."
# A per-user install cannot add system fonts: say so where names with emoji would be boxes.
if command -v fc-list >/dev/null && ! fc-list | grep -qi emoji; then
  echo "Tip: no emoji font on this system; names with emoji show as boxes." \
       "Install one: sudo apt-get install fonts-noto-color-emoji" >&2
fi
