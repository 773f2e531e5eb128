#!/usr/bin/env python3
"""The deployer's own cost per command, against the fake pulumi (tests/FakePulumi) on PATH.

Each `pulumi` invocation costs real seconds on a user's runner, so what matters is how many the deployer makes
and how much time it adds around them. For a preview deploy, a redeploy with the same inputs, a deploy of a new
image and a destroy, this prints: pulumi calls (and which), wall time, time spent inside pulumi (as the deployer
measured each child process), and the overhead = wall time - time in pulumi (including the deployer's own
start-up). Target (issue 3): overhead <= 0.5 s per command, no redundant invocation.

Usage: python3 bench/deployer-overhead.py [ROUNDS]   (default 3; medians over the rounds)
"""
import os, re, statistics, subprocess, sys, tempfile, time

import fakeworld

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def main():
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "calls.log")
        env, deployer, project = fakeworld.make(tmp, {"DEPLOYMENTS_TIMINGS": "1", "FAKE_PULUMI_LOG": log})

        def run(*args):
            open(log, "w").close()
            start = time.perf_counter()
            done = subprocess.run(deployer + list(args) + ["--project-dir", project], env=env, cwd=project, capture_output=True, text=True)
            wall = time.perf_counter() - start
            if done.returncode != 0:
                sys.exit(f"{args} failed: {done.stderr}")
            m = re.search(r"timings: (\d+) pulumi calls, ([\d.]+) s in pulumi", done.stderr)
            calls = [" ".join(line.split()[:2]) for line in open(log)]
            return wall, float(m.group(2)), calls

        rows = {}
        for i in range(ROUNDS):
            branch = f"bench/branch-{i}"
            for name, args in [("preview deploy (new)", ["preview", "deploy", "--no-verify", "--branch", branch, "--image-tag", "aaaaaaa"]),
                               ("preview deploy (same inputs)", ["preview", "deploy", "--no-verify", "--branch", branch, "--image-tag", "aaaaaaa"]),
                               ("preview deploy (new image)", ["preview", "deploy", "--no-verify", "--branch", branch, "--image-tag", "bbbbbbb"]),
                               ("preview destroy", ["preview", "destroy", "--branch", branch])]:
                rows.setdefault(name, []).append(run(*args))

    print(f"rounds: {ROUNDS}; machine: {os.cpu_count()} cores; medians")
    print(f"{'command':30} {'calls':>5} {'wall s':>7} {'in pulumi s':>12} {'overhead s':>11}  invocations")
    for name, samples in rows.items():
        wall = statistics.median(s[0] for s in samples)
        inside = statistics.median(s[1] for s in samples)
        overhead = statistics.median(s[0] - s[1] for s in samples)
        print(f"{name:30} {len(samples[0][2]):5} {wall:7.2f} {inside:12.2f} {overhead:11.2f}  {', '.join(samples[0][2])}")


if __name__ == "__main__":
    main()
