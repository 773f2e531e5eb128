#!/usr/bin/env bash
# Installs the Pulumi CLI release INPUT_PULUMI_VERSION for this runner's OS and architecture: the release archive
# from get.pulumi.com, checked against the release's published SHA-256 checksums file before anything is extracted
# (no `curl | sh`). The archive is kept in the runner's tool cache (action.yml caches that folder between runs)
# and checked again on every run; a cached archive that no longer matches is downloaded again.
# Names, as Pulumi's release publishes them (.goreleaser.yml and .github/workflows/release.yml of
# https://github.com/pulumi/pulumi): pulumi-v<version>-<os>-<arch>.tar.gz wrapping a pulumi/ folder, and
# pulumi-<version>-checksums.txt with lines "<sha256>  <file name>", both under https://get.pulumi.com/releases/sdk.
# DEPLOYMENTS_PULUMI_RELEASES_URL replaces that base URL (a mirror holding the same two files).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

version="$(pulumi_version)"
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) fail "$EXIT_PULUMI_CLI" "the action installs the Pulumi CLI on Linux and macOS runners only" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) fail "$EXIT_PULUMI_CLI" "Pulumi publishes its CLI for x64 and arm64 runners only" ;;
esac

base="${DEPLOYMENTS_PULUMI_RELEASES_URL:-https://get.pulumi.com/releases/sdk}"
archive="pulumi-v$version-$os-$arch.tar.gz"
checksums="pulumi-$version-checksums.txt"
cache="${RUNNER_TOOL_CACHE:?RUNNER_TOOL_CACHE is set by the runner}/deployments-pulumi/$version"
destination="${RUNNER_TEMP:?RUNNER_TEMP is set by the runner}/deployments-pulumi/$version"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

download() { # url file
  curl --fail --silent --show-error --location --retry 3 --output "$2" "$1" \
    || fail "$EXIT_PULUMI_CLI" "could not download $1"
}
sha256() { # file
  if command -v sha256sum > /dev/null; then sha256sum "$1" | cut -d ' ' -f 1; else shasum -a 256 "$1" | cut -d ' ' -f 1; fi
}

download "$base/$checksums" "$scratch/$checksums"
expected="$(awk -v name="$archive" '$2 == name { print $1 }' "$scratch/$checksums")"
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail "$EXIT_PULUMI_CLI" "$checksums lists no SHA-256 for $archive"

mkdir -p "$cache"
if [ -f "$cache/$archive" ] && [ "$(sha256 "$cache/$archive")" = "$expected" ]; then
  echo "Pulumi $version: the cached $archive matches its published SHA-256" >&2
else
  download "$base/$archive" "$scratch/$archive"
  actual="$(sha256 "$scratch/$archive")"
  if [ "$actual" != "$expected" ]; then
    fail "$EXIT_PULUMI_CLI" "$archive does not match the SHA-256 in $checksums (expected $expected, got $actual): not installed"
  fi
  mv -f "$scratch/$archive" "$cache/$archive"
  echo "Pulumi $version: downloaded $archive, SHA-256 verified" >&2
fi

rm -rf "$destination"
mkdir -p "$destination"
tar -xzf "$cache/$archive" -C "$destination"
installed="$("$destination/pulumi/pulumi" version)"
[ "$installed" = "v$version" ] || fail "$EXIT_PULUMI_CLI" "the installed pulumi says it is $installed, not v$version"
echo "$destination/pulumi" >> "${GITHUB_PATH:?GITHUB_PATH is set by the runner}"
echo "Pulumi $installed installed in $destination/pulumi" >&2
