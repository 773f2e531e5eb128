# shellcheck shell=bash
# Shared by the action's scripts (action.yml at the repository root). Inputs arrive as INPUT_* variables set by the
# steps' `env:`; a bad one is refused with exit 2 and a message naming the input and what is allowed, never
# echoing its value. Workflow commands (::error::) may go to stderr: the runner reads both streams for them
# (https://github.com/actions/runner/blob/main/src/Runner.Worker/Handlers/ScriptHandler.cs).

# Exit codes, as the deployer's (deployer/ExitCodes.cs): 2 bad input, 7 the Pulumi CLI cannot be installed;
# 1 anything else (the tool could not be installed).
readonly EXIT_USER_INPUT=2 EXIT_PULUMI_CLI=7 EXIT_UNEXPECTED=1

# The oldest Pulumi CLI the deployer accepts (it refuses older ones with exit 7): 3.211.0, the first whose DIY
# backends keep stack tags (deployer/Pulumi/PulumiVersion.cs says why; a test checks the two agree).
readonly PULUMI_MINIMUM_MINOR=211

fail() { # code message
  echo "::error title=deployments action::$2" >&2
  exit "$1"
}

fail_input() { fail "$EXIT_USER_INPUT" "$1"; }

# One value of one line: a typed input becomes exactly one argument.
require_one_line() { # name value
  case "$2" in
    *$'\n'* | *$'\r'*) fail_input "input '$1' must be one line" ;;
  esac
}

# The Pulumi CLI release, `3.259.0` (a leading `v` is accepted), at least 3.211.0. Prints it without the `v`.
pulumi_version() {
  local value="${INPUT_PULUMI_VERSION-}"
  value="${value#v}"
  local part='(0|[1-9][0-9]{0,3})'
  if [[ ! "$value" =~ ^$part\.$part\.$part$ ]]; then
    fail_input "input 'pulumi-version' must be a Pulumi CLI release such as 3.259.0 (https://github.com/pulumi/pulumi/releases)"
  fi
  local major="${BASH_REMATCH[1]}" minor="${BASH_REMATCH[2]}"
  if ((major < 3 || (major == 3 && minor < PULUMI_MINIMUM_MINOR))); then
    fail_input "input 'pulumi-version' must be 3.$PULUMI_MINIMUM_MINOR.0 or newer (the deployer needs it)"
  fi
  printf '%s\n' "$value"
}

# tool-source: nuget or build.
tool_source() {
  case "${INPUT_TOOL_SOURCE-}" in
    nuget | build) printf '%s\n' "$INPUT_TOOL_SOURCE" ;;
    *) fail_input "input 'tool-source' must be nuget or build" ;;
  esac
}

# tool-version: a NuGet package version such as 0.2.0 or 0.3.0-beta.1
# (https://learn.microsoft.com/en-us/nuget/concepts/package-versioning).
tool_version() {
  local value="${INPUT_TOOL_VERSION-}"
  if [[ ${#value} -gt 64 || ! "$value" =~ ^[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}(-[0-9A-Za-z][0-9A-Za-z.-]*)?$ ]]; then
    fail_input "input 'tool-version' must be a package version such as 0.2.0"
  fi
  printf '%s\n' "$value"
}
