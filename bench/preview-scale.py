#!/usr/bin/env python3
"""`preview list`, `preview prune` and one new `preview deploy` with many previews, today's code beside a base commit's.

For N = 10, 100, 500 previews (N - 10 stale, 10 fresh) seeded straight into the fake pulumi's file backend (the state
files tests/FakePulumi/Backend.cs keeps, as tests/Deployments.Deployer.Tests/TestSupport/PreviewSeed.cs writes them:
500 deploys would take an hour), each deployer runs, against the same fake pulumi (this tree's) and the same seeded
state: `preview list` (text; its output and `--json`'s must be identical between the two), one new `preview deploy`,
and `preview prune --max-age 7d` (destroys all but the 10 fresh ones). Reported: wall time and pulumi invocations
(DEPLOYMENTS_TIMINGS=1). Targets (issue 9): list at 500 within 4x of list at 10; prune at least 4x faster than one
at a time (the base commit destroys one at a time).

Usage: python3 bench/preview-scale.py [--base REV] [--sizes 10,100,500] [--step-ms MS] [--fake aot|jit] [--capacity C]
                                     [--call-ms MS] [--prune-parallel P] [--untagged]
  REV: the commit to compare with (default 8a2a02c, the last commit before bounded parallel list and prune)
  --fake: aot (default) runs the fake pulumi compiled ahead of time, a few ms a call like the real CLI's native start
          (as the tests do when clang is there); jit runs its DLL, a .NET runtime start and JIT per call (~0.1 s of
          CPU), which on a 2-core machine makes every run CPU-bound on the fake
  --capacity: staging's previewCapacity (default 600: 7 load balancers, room for the largest N and the new preview)
  --step-ms: each resource the fake creates or deletes takes this long (a stand-in for AWS's wait; default 0)
  --call-ms: every call first waits this long (a stand-in for a backend's round trips; default 0)
  --prune-parallel: this tree's `prune --parallel` (default: the command's own, 4)
  --untagged: the seeded previews carry no stack tags (as deployed before them: each is read from its history)
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time

import fakeworld

ROOT = fakeworld.ROOT
OLD = "2026-01-05T10:00:00.000Z"


def build_deployer(source, out):
    subprocess.run(["dotnet", "build", os.path.join(source, "deployer", "Deployments.Deployer.csproj"), "-c", "Release", "-o", out, "-nologo", "-v", "q"],
                   check=True, capture_output=True)
    return ["dotnet", os.path.join(out, "deployments.dll")]


NOW = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())


def seed(state, count, shards, tagged):
    """N previews of staging: all but the last 10 updated long ago, every fifth never updated (as PreviewSeed writes
    them), spread over staging's `shards` load balancers as their records say, and (tagged) with the stack tags a
    deploy sets before its first update (deployer/Previews/PreviewTags.cs), in the file a DIY backend keeps them in."""
    stacks = os.path.join(state, ".pulumi", "stacks", "deployments")
    os.makedirs(stacks, exist_ok=True)
    for i in range(count):
        name = f"b{i:04d}"
        fresh = i >= count - 10
        stamp = NOW if fresh else OLD
        value = lambda v: {"value": v, "secret": False}
        never = i % 5 == 4 and not fresh
        state_json = {"resources": {}, "outputs": {}, "history": []} if never else {
            "resources": {f"resource{r}": {"type": "aws:cloudwatch:LogGroup", "properties": {}} for r in range(3)},
            "outputs": {},
            "history": [{"version": 0, "kind": "update", "startTime": stamp, "message": "", "environment": {},
                         "config": {"deployments:branch": value(name), "deployments:host": value(f"{name}.preview.example.com"),
                                    "deployments:imageTag": value(f"tag-{name}"), "deployments:kind": value("preview"),
                                    "deployments:parentStack": value("staging"), **({"deployments:loadBalancerShard": value(str(i % shards))} if i % shards else {})},
                         "result": "succeeded", "endTime": stamp, "resourceChanges": {"create": 3}}],
            "lastUpdate": stamp,
        }
        with open(os.path.join(stacks, f"preview-{name}.json"), "w") as f:
            json.dump(state_json, f)
        if tagged:
            with open(os.path.join(stacks, f"preview-{name}.pulumi-tags"), "w") as f:
                json.dump({"version": 1, "tags": {"deployments:lb": f"staging.{i % shards}", "deployments:parent": "staging"}}, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="8a2a02c")
    parser.add_argument("--sizes", default="10,100,500")
    parser.add_argument("--step-ms", default="0", help="FAKE_PULUMI_STEP_MS: time per deleted resource, a stand-in for AWS's")
    parser.add_argument("--fake", default="aot", choices=("aot", "jit"))
    parser.add_argument("--capacity", type=int, default=600)
    parser.add_argument("--untagged", action="store_true", help="seed the previews as deployers before stack tags left them")
    parser.add_argument("--call-ms", default="0", help="FAKE_PULUMI_CALL_MS: every call first waits this long, a stand-in for a backend's round trips")
    parser.add_argument("--prune-parallel", type=int, default=None, help="this tree's prune --parallel (default: the command's own)")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        env, new, project = fakeworld.make(os.path.join(tmp, "world"), {"DEPLOYMENTS_TIMINGS": "1", "FAKE_PULUMI_STEP_MS": options.step_ms, "FAKE_PULUMI_CALL_MS": options.call_ms},
                                           fake=options.fake, staging_config={"deployments:previewCapacity": options.capacity})
        # 1 + ceil((capacity - 99) / 100) load balancers (README, "Load-balancer shards")
        shards = 1 + max(0, -(-(options.capacity - 99) // 100))
        base_tree = os.path.join(tmp, "base-tree")
        subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", base_tree, options.base], check=True, capture_output=True)
        try:
            old = build_deployer(base_tree, os.path.join(tmp, "base-deployer"))
        finally:
            subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", base_tree], capture_output=True)
        state = env["PULUMI_BACKEND_URL"][len("file://"):]
        pristine = os.path.join(tmp, "pristine")
        shutil.copytree(state, pristine)
        files = set(os.listdir(project))

        def reset(count):
            shutil.rmtree(state)
            shutil.copytree(pristine, state)
            for f in set(os.listdir(project)) - files:
                os.remove(os.path.join(project, f))
            seed(state, count, shards, not options.untagged)

        def run(deployer, *args, ok=(0,)):
            start = time.perf_counter()
            done = subprocess.run(deployer + list(args) + ["--project-dir", project], env=env, cwd=project, capture_output=True, text=True)
            wall = time.perf_counter() - start
            if done.returncode not in ok:
                sys.exit(f"{args} failed ({done.returncode}): {done.stderr[-2000:]}")
            calls = int(re.search(r"timings: (\d+) pulumi calls", done.stderr).group(1))
            return wall, calls, done.stdout

        rows = []
        for count in sizes:
            for label, deployer in (("base", old), ("this", new)):
                reset(count)
                listed = run(deployer, "preview", "list")
                as_json = run(deployer, "preview", "list", "--json")[2]
                deploy = run(deployer, "preview", "deploy", "--no-verify", "--branch", "bench/new", "--image-tag", "aaaaaaa")
                parallel = ["--parallel", str(options.prune_parallel)] if options.prune_parallel and label == "this" else []
                prune = run(deployer, "preview", "prune", "--max-age", "7d", *parallel)
                left = sorted(p["stack"] for p in json.loads(run(deployer, "preview", "list", "--json")[2]))
                rows.append((count, label, listed, deploy, prune, as_json, left))
                print(f"  N={count} {label}: list {listed[0]:.2f} s, deploy {deploy[0]:.2f} s, prune {prune[0]:.2f} s", file=sys.stderr, flush=True)

    print(f"fake: {options.fake}; previews {'untagged' if options.untagged else 'tagged'}; step: {options.step_ms} ms per resource; {options.call_ms} ms per call; prune --parallel {options.prune_parallel or 'default'}; "
          f"staging previewCapacity {options.capacity} ({shards} load balancers); "
          f"machine: {os.cpu_count()} cores; load average at the end {os.getloadavg()[0]:.1f}")
    print("| N | code | `preview list` s (calls) | new `preview deploy` s (calls) | `prune` of all but 10 s (calls) |")
    print("|---|---|---|---|---|")
    for count, label, listed, deploy, prune, *_ in rows:
        print(f"| {count} | {label} | {listed[0]:.2f} ({listed[1]}) | {deploy[0]:.2f} ({deploy[1]}) | {prune[0]:.2f} ({prune[1]}) |")
    by = {(r[0], r[1]): r for r in rows}
    for count in sizes:
        same = by[(count, "base")][2][2] == by[(count, "this")][2][2] and by[(count, "base")][5] == by[(count, "this")][5]
        print(f"N={count}: list output (text and --json) identical to the base's: {same}")
        base_left, this_left = by[(count, "base")][6], by[(count, "this")][6]
        print(f"N={count}: prune left the same {len(this_left)} previews as the base's: {base_left == this_left}")
    small, large = min(sizes), max(sizes)
    print(f"list at {large} / list at {small} (this code): {by[(large, 'this')][2][0] / by[(small, 'this')][2][0]:.1f}x (target <= 4x)")
    print(f"prune at {large}: base / this: {by[(large, 'base')][4][0] / by[(large, 'this')][4][0]:.1f}x faster (target >= 4x)")


if __name__ == "__main__":
    main()
