#!/usr/bin/env python3
"""Wall time of one infra compiler run exactly as the Pulumi YAML host runs it, next to a trivial .NET console app.

The Pulumi YAML host runs the compiler at least twice per `pulumi preview`/`up` (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go), so its
start-up is paid on every operation. Compared side by side, median of RUNS each: `dotnet trivial.dll`, this
repository's `./infra/compile` (Pulumi.yaml's compiler), and the installed tool's `deployments compile` — the Native AOT
package and the framework-dependent `any` fallback. Targets: ./infra/compile <= 2x trivial (issue 2); the AOT tool
<= 0.5x trivial (issue 11).

Usage: python3 bench/compiler-startup.py [RUNS] [--tool DIR --fallback DIR]   (default 15 runs; needs PyYAML)
--tool/--fallback are tool-paths where `deployments` is installed (AOT / Deployments.any); without them the script
packs the working tree into a temp feed and installs both there (a few minutes; Native AOT needs clang, see .ci/run).
Runs are interleaved so machine noise hits every command alike.
"""
import argparse, json, os, re, shlex, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARGS = argparse.ArgumentParser()
ARGS.add_argument("runs", nargs="?", type=int, default=15)
ARGS.add_argument("--tool")
ARGS.add_argument("--fallback")
OPTIONS = ARGS.parse_args()
RUNS = OPTIONS.runs


def install_tools(tmp):
    """Packs the tool (pointer, linux-x64 AOT, any) from a copy of the working tree and installs it from that feed only."""
    src, feed, cache = (os.path.join(tmp, d) for d in ("src", "feed", "nuget-packages"))
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for f in filter(None, files):
        if os.path.isfile(os.path.join(ROOT, f)):
            os.makedirs(os.path.dirname(os.path.join(src, f)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, f), os.path.join(src, f))
    for rid in ([], ["-r", "linux-x64"], ["-r", "any"]):
        subprocess.run(["dotnet", "pack", "deployer", "-c", "Release", "-o", feed, "-nologo", "-v", "q", *rid], cwd=src, check=True, capture_output=True)
    config = os.path.join(tmp, "nuget.config")
    with open(config, "w") as f:
        f.write(f'<configuration><packageSources><clear /><add key="feed" value="{feed}" /></packageSources></configuration>')
    with open(os.path.join(ROOT, "Directory.Build.props")) as f:
        version = re.search(r"<Version>([^<]+)</Version>", f.read()).group(1)
    env = dict(os.environ, NUGET_PACKAGES=cache)
    paths = []
    for package, path in (("Deployments", "tool"), ("Deployments.any", "tool-any")):
        subprocess.run(["dotnet", "tool", "install", "--tool-path", os.path.join(tmp, path), "--configfile", config, package, "--version", version],
                       env=env, cwd=tmp, check=True, capture_output=True)
        paths.append(os.path.join(tmp, path))
    return paths


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

        tool, fallback = (OPTIONS.tool, OPTIONS.fallback) if OPTIONS.tool and OPTIONS.fallback else install_tools(tmp)
        argv = compiler_argv()
        run_env = dict(base_env, PULUMI_STACK="staging", PULUMI_PROJECT="deployments", PULUMI_ORGANIZATION="organization",
                       PULUMI_CONFIG=json.dumps(stack_config("staging")), PULUMI_ROOT_DIRECTORY=ROOT)
        # What each sample runs: (name, argv, environment); the Run calls get the stack as the host passes it.
        commands = [
            ("trivial console app (dotnet app.dll)", trivial_argv, base_env),
            ("./infra/compile, Run call", argv, run_env),
            ("./infra/compile, discovery call", argv, base_env),
            ("deployments compile (AOT), Run call", [os.path.join(tool, "deployments"), "compile"], run_env),
            ("deployments compile (AOT), discovery", [os.path.join(tool, "deployments"), "compile"], base_env),
            ("deployments compile (any), Run call", [os.path.join(fallback, "deployments"), "compile"], run_env),
        ]
        timed(argv, run_env, ROOT)  # first run builds the compiler if needed; not measured
        for _ in range(2):  # warm the OS file cache for all
            for _, a, e in commands: timed(a, e, ROOT)

        samples = {name: [] for name, _, _ in commands}
        for _ in range(RUNS):
            for name, a, e in commands: samples[name].append(timed(a, e, ROOT))

    baseline = statistics.median(samples["trivial console app (dotnet app.dll)"])
    print(f"runs per command: {RUNS}; machine: {os.cpu_count()} cores; command: {' '.join(shlex.quote(a) for a in argv)}")
    print(f"{'what':40} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x baseline':>11}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:40} {median:10.1f} {min(values):8.1f} {max(values):8.1f} {median / baseline:11.2f}")


if __name__ == "__main__":
    main()
