#!/usr/bin/env bash
# System packages outside npm, for the example and for the repository's tests (one list, so the copied
# example installs what its demo bot needs). `--for test` (default): the browser tests need Debian's chromium,
# the fake microphone espeak-ng and sox, screenshots of Chinese and Japanese text the Noto CJK
# fonts; `--for bench` adds nftables (bench part h). `--for example`: the offline demo bot speaks with espeak-ng and listens with pocketsphinx.
# As root with apt-get, installs what is missing. Otherwise prints the apt and Homebrew names;
# for the example it never fails (the server starts and says what the demo bot cannot do).
set -euo pipefail
purpose=test
[ "${1:-}" = "--for" ] && purpose="${2:-test}"

has_fonts_cjk() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1; }
# name | apt package | Homebrew | what it is for
rows=()
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  rows+=("chromium|chromium|brew install --cask chromium|the browser tests")
  rows+=("sox|sox|brew install sox|the fake microphone of the browser tests")
  rows+=("fonts-noto-cjk|fonts-noto-cjk|brew install --cask font-noto-sans-cjk|Chinese and Japanese glyphs in screenshots")
fi
[ "$purpose" = bench ] && rows+=("nft|nftables|(Linux only)|packet loss between network namespaces in bench part h")
rows+=("espeak-ng|espeak-ng|brew install espeak-ng|the offline demo bot's speech")
rows+=("ffmpeg|ffmpeg|brew install ffmpeg|the bot server's video: camera and screen pictures for the model (VP8/H.264 to JPEG)")
rows+=("pocketsphinx|pocketsphinx pocketsphinx-en-us libpocketsphinx-dev libsphinxbase-dev pkg-config gcc|brew install cmu-pocketsphinx pkg-config|the offline demo bot's speech recognition (its streaming front is compiled on first use)")

present() {
  case "$1" in
    chromium) command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] ;;
    fonts-noto-cjk) has_fonts_cjk ;;
    pocketsphinx) [ -d /usr/share/pocketsphinx/model/en-us ] && command -v cc >/dev/null 2>&1 && pkg-config --exists pocketsphinx sphinxbase 2>/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for row in "${rows[@]}"; do
  IFS='|' read -r name apt brew why <<<"$row"
  present "$name" || missing+=("$row")
done
[ ${#missing[@]} -eq 0 ] && exit 0

apt_names=()
# shellcheck disable=SC2206 # a row may name several apt packages
for row in "${missing[@]}"; do IFS='|' read -r _ apt _ _ <<<"$row"; apt_names+=($apt); done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${apt_names[*]} from the system's packages (needed for the ${purpose})"
  if apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${apt_names[@]}" >/dev/null; then
    exit 0
  fi
  echo "apt-get could not install ${apt_names[*]}." >&2
fi

{
  echo "Missing system packages for the ${purpose}:"
  for row in "${missing[@]}"; do
    IFS='|' read -r name apt brew why <<<"$row"
    echo "  - $name: $why"
  done
  echo "Install them with:"
  echo "  Debian/Ubuntu: sudo apt-get install -y ${apt_names[*]}"
  for row in "${missing[@]}"; do IFS='|' read -r _ _ brew _ <<<"$row"; echo "  macOS:         $brew"; done
} >&2
[ "$purpose" = example ] && exit 0
exit 1
