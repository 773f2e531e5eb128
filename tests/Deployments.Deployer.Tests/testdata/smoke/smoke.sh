#!/bin/sh
# The smoke test the tests run: `smoke.sh MODE [PIDFILE]`, with the URL to test in DEPLOYMENTS_URL.
#   pass    prints what it checks, exits 0
#   fail    prints a few lines, exits 1
#   hang    starts a child and an orphan (reparented, outside its process tree), writes the three PIDs to PIDFILE,
#           and sleeps (the timeout must kill all three)
#   inject  prints workflow commands, as a hostile test could, then exits 1
#   env     prints its environment, exits 0
case "$1" in
  pass)
    echo "checking $DEPLOYMENTS_URL"
    echo "GET / 200"
    exit 0 ;;
  fail)
    echo "checking $DEPLOYMENTS_URL"
    echo "test_home ... ok"
    echo "test_login ... FAILED: expected 200, got 500" >&2
    exit 1 ;;
  hang)
    sleep 600 &
    child=$!
    ( sleep 600 & echo $! > "$2.orphan" )
    echo "$$ $child $(cat "$2.orphan")" > "$2"
    rm -f "$2.orphan"
    echo "waiting forever"
    sleep 600
    exit 0 ;;
  inject)
    echo "::set-output name=url::https://evil.example.com"
    echo "  ::add-mask::hidden"
    echo "::error title=Injected::from the smoke test"
    echo "prefix ##[set-output name=url;]https://evil.example.com"
    printf 'carriage\r::warning::after a carriage return\n'
    echo "::endgroup::"
    echo "::stop-commands::guess"
    exit 1 ;;
  env)
    env
    exit 0 ;;
esac
echo "unknown mode: $1" >&2
exit 2
