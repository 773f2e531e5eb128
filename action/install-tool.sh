#!/usr/bin/env bash
# Installs the `deployments` .NET tool into its own folder under RUNNER_TEMP and puts it on the job's PATH.
# tool-source nuget: the package Deployments at tool-version from the configured NuGet sources.
# tool-source build: packs this action's own checkout (GITHUB_ACTION_PATH, e.g. `uses: ./` in this repository) into a
# local feed and installs from that feed only (tool-version is not used: the version is the checkout's). A tool
# with RID-specific packages (https://learn.microsoft.com/en-us/dotnet/core/tools/rid-specific-tools) is packed as
# that page says for Native AOT: the top-level package, then one `dotnet pack -r RID` for this runner's RID and one
# for `any` (the framework-dependent fallback) when the project lists them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

readonly PACKAGE=Deployments
source="$(tool_source)"
temp="${RUNNER_TEMP:?RUNNER_TEMP is set by the runner}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

runner_rid() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) os=win ;; esac
  case "$(uname -m)" in aarch64 | arm64) arch=arm64 ;; *) arch=x64 ;; esac
  echo "$os-$arch"
}

if [ "$source" = nuget ]; then
  version="$(tool_version)"
  tools="$temp/deployments-tool/nuget-$version"
  if [ ! -x "$tools/deployments" ]; then
    dotnet tool install --tool-path "$tools" "$PACKAGE" --version "$version" \
      || fail "$EXIT_UNEXPECTED" "could not install the $PACKAGE tool $version from NuGet"
  fi
else
  project="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is set by the runner}/deployer/Deployments.Deployer.csproj"
  [ -f "$project" ] || fail_input "input 'tool-source' is build, but the action's checkout has no deployer/Deployments.Deployer.csproj"
  version="$(dotnet msbuild "$project" -getProperty:Version)"
  feed="$temp/deployments-feed"
  tools="$temp/deployments-tool/build"
  rm -rf "$feed" "$tools"
  mkdir -p "$feed"
  dotnet pack "$project" -c Release -o "$feed" || fail "$EXIT_UNEXPECTED" "dotnet pack of $project failed"
  rids=";$(dotnet msbuild "$project" -getProperty:ToolPackageRuntimeIdentifiers);"
  if [ "$(dotnet msbuild "$project" -getProperty:PublishAot)" = true ]; then
    for rid in "$(runner_rid)" any; do
      case "$rids" in
        *";$rid;"*) dotnet pack "$project" -c Release -o "$feed" -r "$rid" || fail "$EXIT_UNEXPECTED" "dotnet pack -r $rid of $project failed" ;;
      esac
    done
  fi
  # Only the local feed: the packed version must not be confused with a published one.
  cat > "$feed/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="deployments-build" value="$feed" />
  </packageSources>
</configuration>
CONFIG
  dotnet tool install --tool-path "$tools" "$PACKAGE" --version "$version" --configfile "$feed/nuget.config" \
    || fail "$EXIT_UNEXPECTED" "could not install the $PACKAGE tool $version packed from $GITHUB_ACTION_PATH"
fi
echo "$tools" >> "${GITHUB_PATH:?GITHUB_PATH is set by the runner}"
echo "deployments $version ($source) installed in $tools" >&2
