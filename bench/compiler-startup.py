#!/usr/bin/env python3
"""Wall time of one infra compiler run exactly as Pulumi.yaml runs it, next to a trivial .NET console app.

The Pulumi YAML host runs the compiler at least twice per `pulumi preview`/`up` (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), so its
start-up is paid on every operation. Target (issue 2): median <= 2x the trivial app's start-up, warm.

Usage: python3 bench/compiler-startup.py [RUNS]      (default 15; needs PyYAML to read Pulumi.staging.yaml)
Runs are interleaved (baseline, run call, discovery call) so machine noise hits all three alike.
"""
import json, os, shlex, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15


def stack_config(stack):
    import yaml  # PyYAML; only the benchmark needs it
    with open(os.path.join(ROOT, f"Pulumi.{stack}.yaml")) as f:
        config = yaml.safe_load(f)["config"]
    # The host passes strings; objects and arrays JSON-encoded (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go).
    return {k: v if isinstance(v, str) else json.dumps(v) if isinstance(v, (dict, list)) else str(v).lower() if isinstance(v, bool) else str(v)
            for k, v in config.items()}


def compiler_argv():
    with open(os.path.join(ROOT, "Pulumi.yaml")) as f:
        import yaml
        command = yaml.safe_load(f)["runtime"]["options"]["compiler"]
    argv = shlex.split(command)
    if "/" in argv[0]:
        argv[0] = os.path.join(ROOT, argv[0])  # Go's os/exec resolves it against cmd.Dir (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go)
    return argv


def timed(argv, env, cwd):
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv} failed ({done.returncode}): {done.stderr.decode()[:2000]}")
    return elapsed * 1000


def main():
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PULUMI_")}
    with tempfile.TemporaryDirectory() as tmp:
        trivial = os.path.join(tmp, "trivial")
        subprocess.run(["dotnet", "new", "console", "-o", trivial, "--force"], check=True, capture_output=True)
        subprocess.run(["dotnet", "build", trivial, "-c", "Release", "-o", os.path.join(trivial, "out"), "-nologo", "-v", "q"], check=True, capture_output=True)
        trivial_argv = ["dotnet", os.path.join(trivial, "out", "trivial.dll")]

        argv = compiler_argv()
        run_env = dict(base_env, PULUMI_STACK="staging", PULUMI_PROJECT="deployments", PULUMI_ORGANIZATION="organization",
                       PULUMI_CONFIG=json.dumps(stack_config("staging")), PULUMI_ROOT_DIRECTORY=ROOT)
        timed(argv, run_env, ROOT)  # first run builds the compiler if needed; not measured
        for _ in range(2):  # warm the OS file cache for all three
            timed(trivial_argv, base_env, ROOT); timed(argv, run_env, ROOT); timed(argv, base_env, ROOT)

        samples = {"trivial console app": [], "compiler, Run call (staging)": [], "compiler, discovery call": []}
        for _ in range(RUNS):
            samples["trivial console app"].append(timed(trivial_argv, base_env, ROOT))
            samples["compiler, Run call (staging)"].append(timed(argv, run_env, ROOT))
            samples["compiler, discovery call"].append(timed(argv, base_env, ROOT))

    baseline = statistics.median(samples["trivial console app"])
    print(f"runs per command: {RUNS}; machine: {os.cpu_count()} cores; command: {' '.join(shlex.quote(a) for a in argv)}")
    print(f"{'what':34} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x baseline':>11}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:34} {median:10.1f} {min(values):8.1f} {max(values):8.1f} {median / baseline:11.2f}")


if __name__ == "__main__":
    main()
