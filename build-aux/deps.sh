#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages Taskscope needs, only those that are missing.
# Sourced by run.sh and test.sh; usage: ts_install_deps build|test|win32

TS_BUILD_DEPS=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  appstream  # desktop: the metainfo's gettext ITS rules
)
TS_TEST_DEPS=(
  python3-psutil xvfb xauth dbus-daemon dbus-x11 util-linux
  clang libclang-rt-14-dev
  desktop-file-utils libxml2-utils polkitd  # desktop: validators, the polkit DTD
)

# The Windows cross build and wine to run its tests (the win32 step of test.sh).
TS_WIN32_DEPS=(
  gcc-mingw-w64-x86-64 wine wine64
)

ts_install_deps () {
  local want=("${TS_BUILD_DEPS[@]}") missing=() pkg sudo=""
  [ "${1:-build}" = test ] && want+=("${TS_TEST_DEPS[@]}")
  [ "${1:-build}" = win32 ] && want=("${TS_WIN32_DEPS[@]}")
  for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}" >&2
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -o DPkg::Lock::Timeout=300 >/dev/null || return 1
  $sudo apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
}
