#!/usr/bin/env bash
# Opens the rendered HTML book (book/target/book/index.html) in a real headless Chromium and
# checks it: no console errors, every drawing rendered, every animation advances, pauses and
# resumes (see BookInBrowser.java). Screenshots go to book/target/browser/ for people to look at.
# Installs Debian's chromium with apt-get when no Chromium is found; CHROMIUM=/path overrides.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

have_chromium() {
  [ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
    || command -v google-chrome >/dev/null || command -v google-chrome-stable >/dev/null
}

if ! have_chromium; then
  if command -v apt-get >/dev/null; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "book in browser: installing chromium with apt-get"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  else
    echo "book in browser: no Chromium and no apt-get; install Chromium or set CHROMIUM" >&2
    exit 2
  fi
fi

exec java book/src/test/browser/BookInBrowser.java book/target/book/index.html book/target/browser
