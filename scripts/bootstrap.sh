#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine (JDK 17, Maven, root) lacks to build Cornu and run its
# notebooks: Debian's Jupyter (nbconvert, nbclient, jupyter-client) and the Fashion-MNIST data set.
# Checks `dpkg -s` first, so a rerun on a ready machine takes well under a second and needs no network.
#
#   bash scripts/bootstrap.sh
set -euo pipefail

PACKAGES=(
  jupyter-nbconvert       # /usr/bin/jupyter nbconvert --execute, HTML export
  python3-nbclient        # runs the notebook cells for nbconvert
  jupyter-client          # kernelspecs, kernel launching
  dataset-fashion-mnist   # /usr/share/datasets/fashion-mnist/*.gz, read by io.cornu.engine.data
)
# Only when missing: a machine of the documented kind already has them.
[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ] || PACKAGES+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || PACKAGES+=(maven)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all Debian packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then SUDO=()
elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo)
else echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; fi

echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# apt-get update only when the package lists do not know a package yet (fresh images ship none).
for p in "${missing[@]}"; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then
    "${SUDO[@]}" apt-get update -qq
    break
  fi
done
install() { "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; }
# Stale lists point at files the mirror no longer has: refresh once and retry.
install || { "${SUDO[@]}" apt-get update -qq && install; }
