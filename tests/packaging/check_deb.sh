#!/usr/bin/env bash
# Usage: check_deb.sh BUILD_DIR — runs cpack -G DEB and checks the package's files and metadata.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
info=$(dpkg-deb -I "$deb")
fail=0
for path in ./usr/bin/assay ./usr/bin/assay-workbench \
  ./usr/share/applications/dev.assay.Workbench.desktop \
  ./usr/share/metainfo/dev.assay.Workbench.metainfo.xml \
  ./usr/share/icons/hicolor/scalable/apps/dev.assay.Workbench.svg \
  ./usr/share/assay/grafana/assay-monitoring.json; do
  if ! grep -q " $path\$" <<<"$contents"; then
    echo "missing from $(basename "$deb"): $path"
    fail=1
  fi
done
for field in "Package: assay" "Depends:.*libqt6widgets6" "Depends:.*libgit2" "Section: science"; do
  if ! grep -q "$field" <<<"$info"; then
    echo "control field not found: $field"
    fail=1
  fi
done
dpkg-deb -x "$deb" "$out/root"
grep -q '^Exec=assay-workbench' "$out/root/usr/share/applications/dev.assay.Workbench.desktop" || fail=1
"$out/root/usr/bin/assay" --version | grep -q '^assay ' || { echo "packaged assay does not run"; fail=1; }
[ $fail -eq 0 ] && echo "package ok: $(basename "$deb")"
exit $fail
