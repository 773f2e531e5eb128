"""A throw-away project for the benchmarks: the deployer and the fake `pulumi` (tests/FakePulumi) built in
Release, a copy of the project whose Pulumi.yaml runs the repository's real compiler, and a file backend."""
import os, shutil, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make(tmp, extra_env=None):
    for project, out in (("deployer/Deployments.Deployer.csproj", "deployer"), ("tests/FakePulumi/FakePulumi.csproj", "fake")):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, project), "-c", "Release", "-o", os.path.join(tmp, out), "-nologo", "-v", "q"],
                       check=True, capture_output=True)
    project, state, bin_dir = (os.path.join(tmp, d) for d in ("project", "state", "bin"))
    for d in (project, state, bin_dir):
        os.makedirs(d)
    with open(os.path.join(project, "Pulumi.yaml"), "w") as f:
        f.write(f"name: deployments\nruntime:\n  name: yaml\n  options:\n    compiler: {os.path.join(ROOT, 'infra', 'compile')}\n")
    shutil.copy(os.path.join(ROOT, "Pulumi.staging.yaml"), project)
    script = os.path.join(bin_dir, "pulumi")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\nexec dotnet \"{os.path.join(tmp, 'fake', 'FakePulumi.dll')}\" \"$@\"\n")
    os.chmod(script, 0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "AWS_"))}
    env.update(PATH=bin_dir + os.pathsep + env["PATH"], PULUMI_BACKEND_URL="file://" + state, PULUMI_CONFIG_PASSPHRASE="")
    env.update(extra_env or {})
    deployer = ["dotnet", os.path.join(tmp, "deployer", "deployments.dll")]
    subprocess.run([script, "stack", "init", "staging", "--non-interactive"], env=env, cwd=project, check=True, capture_output=True)
    subprocess.run(deployer + ["env", "deploy", "staging", "--image-tag", "1.0.0", "--skip-migration", "--project-dir", project],
                   env=env, cwd=project, check=True, capture_output=True)
    return env, deployer, project
