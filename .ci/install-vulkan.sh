#!/usr/bin/env bash
# Mesa's software Vulkan device (lavapipe), so the TF.js webgpu backend (Dawn over Vulkan) runs in CI on a
# machine without a GPU. Bookworm's own Mesa is too old for Dawn; bookworm-backports has 25.x. Only the
# first stanza of apt's deb822 sources is copied (the security stanza breaks apt-get update with
# backports). Skipped when a Vulkan ICD is already installed.
set -euo pipefail
if ls /usr/share/vulkan/icd.d/*.json >/dev/null 2>&1; then echo "vulkan: ICD present, skipping install"; exit 0; fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
src=/etc/apt/sources.list.d/debian.sources
if [ -f "$src" ] && ! [ -f /etc/apt/sources.list.d/backports.sources ]; then
  awk 'BEGIN{RS=""; ORS="\n\n"} NR==1' "$src" | sed -E 's/^Suites:.*/Suites: bookworm-backports/' | $SUDO tee /etc/apt/sources.list.d/backports.sources >/dev/null
fi
start=$(date +%s)
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -t bookworm-backports mesa-vulkan-drivers >/dev/null
echo "vulkan: mesa-vulkan-drivers installed in $(( $(date +%s) - start )) s"
