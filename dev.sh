#!/usr/bin/env bash
# Assay developer entry point, idempotent and incremental:
#   ./dev.sh workbench   install missing Debian packages, build, open the workbench on the demo
#   ./dev.sh test        same set-up, then every test headless (plus core under ASan/UBSan)
#   ./dev.sh build       set-up and build only
#   ./dev.sh bench       set-up, build, then the benchmarks beside their reference tools
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
BUILD=${ASSAY_BUILD_DIR:-$ROOT/build}
SANITIZE_BUILD=${ASSAY_SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}
JOBS=${ASSAY_JOBS:-2}
# Cache hits across clones in other folders (CI builds a fresh clone).
export CCACHE_BASEDIR=$ROOT
# Debug info names the folder; without hashing it, clones in other folders share the cache.
export CCACHE_NOHASHDIR=1

PACKAGES=(
  cmake ninja-build ccache g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6svg6 qt6-svg-dev libqcustomplot-dev libqcustomplot2.1-qt6
  libsqlite3-dev libeigen3-dev libgit2-dev libyaml-cpp-dev libsodium-dev
  python3 python3-pandas python3-scipy python3-sklearn python3-xgboost
  xvfb xauth dpkg-dev file fonts-dejavu-core poppler-utils
  prometheus # promtool and a server for the exposition's tests, run directly (its service is not used)
  time       # /usr/bin/time: the monitoring benchmark's peak memory of one process
)

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "dev.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

configure_and_build() { # DIR [cmake options...]
  local dir=$1
  shift
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@" >/dev/null
  cmake --build "$dir" -j "$JOBS"
}

build() {
  configure_and_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASSAY_BUILD_GUI=ON
}

demo_workspace() {
  local demo=${ASSAY_DEMO_DIR:-$HOME/.local/share/Assay/demo}
  [ -d "$demo/.assay" ] || "$BUILD/app/assay" demo "$demo" >&2
  echo "$demo"
}

run_tests() {
  (cd "$BUILD" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$JOBS")
  # Core again under AddressSanitizer and UndefinedBehaviorSanitizer (no GUI in this build).
  configure_and_build "$SANITIZE_BUILD" -DCMAKE_BUILD_TYPE=Debug -DASSAY_BUILD_GUI=OFF \
    -DASSAY_SANITIZE=address,undefined
  (cd "$SANITIZE_BUILD" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j "$JOBS" -L core)
}

case "${1:-}" in
  workbench)
    install_packages
    build
    exec "$BUILD/app/assay-workbench" "$(demo_workspace)"
    ;;
  test)
    install_packages
    build
    run_tests
    ;;
  build)
    install_packages
    build
    ;;
  bench)
    install_packages
    build
    exec "$ROOT/tests/bench/run_benchmarks.sh" "$BUILD"
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
