#!/usr/bin/env bash
# Runs one `deployments` command from the action's inputs (INPUT_* variables, see action.yml). The command word
# is checked against the allow-list and mapped to the tool's words; each typed input becomes one argument and each
# line of `args` one more, all passed as an array: nothing is ever evaluated by a shell. `--check` validates every
# input and exits, so that bad input is refused before anything is installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

readonly COMMANDS="github-event, env-deploy, env-promote, env-review, rollback, migrate, preview-prune, plan, status, env-drift"

command="${INPUT_COMMAND-}"
stack="${INPUT_STACK-}"
parent="${INPUT_PARENT-}"
from="${INPUT_FROM-}"
image_tag="${INPUT_IMAGE_TAG-}"
args="${INPUT_ARGS-}"
working_directory="${INPUT_WORKING_DIRECTORY:-.}"

case "$command" in
  github-event | env-deploy | env-promote | env-review | rollback | migrate | preview-prune | plan | status | env-drift) ;;
  *) fail_input "input 'command' must be one of: $COMMANDS" ;;
esac

# Which commands take which typed input; a given input that the command does not take is refused, not ignored.
# (A function, not an associative array: macOS's own bash is 3.2.)
takers() { # name
  case "$1" in
    stack) echo "env-deploy env-promote env-review rollback migrate plan status env-drift" ;;
    parent) echo "github-event plan" ;;
    from) echo "env-promote" ;;
    image-tag) echo "env-deploy env-promote rollback plan" ;;
  esac
}
typed() { # name value
  local name="$1" value="$2" commands
  [ -z "$value" ] && return 0
  require_one_line "$name" "$value"
  # A value starting with '-' would be read as an option by the tool.
  case "$value" in -*) fail_input "input '$name' must not start with '-'" ;; esac
  commands="$(takers "$name")"
  case " $commands " in
    *" $command "*) ;;
    *) fail_input "input '$name' is not used by command '$command' (only by: ${commands// /, })" ;;
  esac
}
typed stack "$stack"
typed parent "$parent"
typed from "$from"
typed image-tag "$image_tag"
require_one_line working-directory "$working_directory"

required() { # name value
  [ -n "$2" ] || fail_input "input '$1' is required by command '$command'"
}

argv=()
case "$command" in
  github-event)
    argv=(github event)
    [ -n "$parent" ] && argv+=(--parent "$parent")
    ;;
  env-deploy)
    required stack "$stack"
    required image-tag "$image_tag"
    argv=(env deploy "$stack" --image-tag "$image_tag")
    ;;
  env-promote)
    required from "$from"
    required stack "$stack"
    argv=(env promote "$from" "$stack")
    [ -n "$image_tag" ] && argv+=(--expect-image-tag "$image_tag")
    ;;
  env-review)
    required stack "$stack"
    argv=(env review "$stack")
    ;;
  rollback)
    required stack "$stack"
    argv=(rollback "$stack")
    [ -n "$image_tag" ] && argv+=(--image-tag "$image_tag")
    ;;
  migrate)
    required stack "$stack"
    argv=(migrate --stack "$stack")
    ;;
  preview-prune)
    argv=(preview prune)
    ;;
  plan)
    argv=(plan)
    [ -n "$stack" ] && argv+=(--stack "$stack")
    [ -n "$parent" ] && argv+=(--parent "$parent")
    [ -n "$image_tag" ] && argv+=(--image-tag "$image_tag")
    ;;
  status)
    argv=(status)
    [ -n "$stack" ] && argv+=(--stack "$stack")
    ;;
  env-drift)
    required stack "$stack"
    argv=(env drift "$stack")
    ;;
esac

# `args`: one argument per line, taken literally (a Windows line end is dropped, blank lines are skipped).
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%$'\r'}"
  [[ "$line" =~ ^[[:space:]]*$ ]] && continue
  argv+=("$line")
done <<< "$args"

if [ "${1-}" = "--check" ]; then
  pulumi_version > /dev/null
  tool_source > /dev/null
  tool_version > /dev/null
  [ -d "$working_directory" ] || fail_input "input 'working-directory' must be a directory of the workspace"
  exit 0
fi

[ -d "$working_directory" ] || fail_input "input 'working-directory' must be a directory of the workspace"
cd "$working_directory"
printf '+ deployments' >&2
printf ' %q' "${argv[@]}" >&2
printf '\n' >&2
exec deployments "${argv[@]}"
