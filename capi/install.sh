#!/bin/sh
# Builds the C library and installs it under a prefix, as a C library installs:
#   PREFIX/include/newsparse.h
#   LIBDIR/libnewsparse.so.X.Y.Z, with the links libnewsparse.so.0 (its SONAME)
#     and libnewsparse.so (for -lnewsparse)
#   LIBDIR/libnewsparse.a
#   LIBDIR/pkgconfig/newsparse.pc
#
# usage: capi/install.sh [--prefix DIR] [--libdir DIR] [--destdir DIR] [--no-build]
#   --prefix   where to install (default /usr/local)
#   --libdir   where the libraries go (default PREFIX/lib)
#   --destdir  staging root prepended to every path written, as DESTDIR for packagers
#   --no-build install what `cargo build --release -p newsparse-capi` already built
# CARGO_TARGET_DIR is honoured. Then: cc app.c $(pkg-config --cflags --libs newsparse)
# (add PREFIX/lib/pkgconfig to PKG_CONFIG_PATH for a prefix pkg-config does not search).
set -eu

prefix=/usr/local
libdir=
destdir=
build=1
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --libdir) libdir=$2; shift 2 ;;
    --libdir=*) libdir=${1#*=}; shift ;;
    --destdir) destdir=$2; shift 2 ;;
    --destdir=*) destdir=${1#*=}; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case $prefix in /*) ;; *) echo "install.sh: --prefix must be an absolute path" >&2; exit 2 ;; esac
libdir=${libdir:-$prefix/lib}

root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$build" = 1 ]; then
  (cd "$root" && cargo build --release -p newsparse-capi)
fi
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
built=$target/release

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/capi/Cargo.toml" | head -n 1)
major=${version%%.*}
# The libraries the static library needs besides libc, as rustc reports them
# (`--print native-static-libs`) for this platform.
probe=$(mktemp -d)
private_libs=$(rustc --print native-static-libs --crate-type staticlib -o "$probe/probe.a" - </dev/null 2>&1 \
  | sed -n 's/.*native-static-libs: //p')
rm -rf "$probe"

inc=$destdir$prefix/include
lib=$destdir$libdir
mkdir -p "$inc" "$lib/pkgconfig"
install -m 644 "$root/include/newsparse.h" "$inc/newsparse.h"
install -m 755 "$built/libnewsparse.so" "$lib/libnewsparse.so.$version"
ln -sf "libnewsparse.so.$version" "$lib/libnewsparse.so.$major"
ln -sf "libnewsparse.so.$major" "$lib/libnewsparse.so"
install -m 644 "$built/libnewsparse.a" "$lib/libnewsparse.a"
# The standard library's objects inside the archive carry debug info; shipped
# libraries do not.
if command -v strip >/dev/null 2>&1; then
  strip --strip-debug "$lib/libnewsparse.a"
fi
sed -e "s|@PREFIX@|$prefix|" -e "s|@LIBDIR@|$libdir|" -e "s|@VERSION@|$version|" \
  -e "s|@PRIVATE_LIBS@|$private_libs|" "$root/capi/newsparse.pc.in" > "$lib/pkgconfig/newsparse.pc"
chmod 644 "$lib/pkgconfig/newsparse.pc"
echo "installed newsparse $version under $destdir$prefix"
