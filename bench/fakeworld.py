"""A throw-away project for the benchmarks: the deployer and the fake `pulumi` (tests/FakePulumi) built in
Release, a copy of the project whose Pulumi.yaml runs the repository's real compiler, and a file backend.

fake="jit" runs the fake as the tests do (`dotnet FakePulumi.dll`: each call a runtime start and JIT, ~0.1 s of CPU);
fake="aot" publishes it with Native AOT, so that a call costs about what the real CLI's start does (a native binary:
a few ms), and what is left to measure is the deployer's own work and how many calls it makes."""
import os, shutil, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make(tmp, extra_env=None, fake="jit", staging_config=None):
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "deployer/Deployments.Deployer.csproj"), "-c", "Release", "-o", os.path.join(tmp, "deployer"), "-nologo", "-v", "q"],
                   check=True, capture_output=True)
    fake_project = os.path.join(ROOT, "tests/FakePulumi/FakePulumi.csproj")
    if fake == "aot":
        subprocess.run(["dotnet", "publish", fake_project, "-c", "Release", "--use-current-runtime", "-p:PublishAot=true", "-o", os.path.join(tmp, "fake"), "-nologo", "-v", "q"],
                       check=True, capture_output=True)
        command = f"exec \"{os.path.join(tmp, 'fake', 'FakePulumi')}\" \"$@\""
    else:
        subprocess.run(["dotnet", "build", fake_project, "-c", "Release", "-o", os.path.join(tmp, "fake"), "-nologo", "-v", "q"], check=True, capture_output=True)
        command = f"exec dotnet \"{os.path.join(tmp, 'fake', 'FakePulumi.dll')}\" \"$@\""
    project, state, bin_dir = (os.path.join(tmp, d) for d in ("project", "state", "bin"))
    for d in (project, state, bin_dir):
        os.makedirs(d)
    with open(os.path.join(project, "Pulumi.yaml"), "w") as f:
        f.write(f"name: deployments\nruntime:\n  name: yaml\n  options:\n    compiler: {os.path.join(ROOT, 'infra', 'compile')}\n")
    shutil.copy(os.path.join(ROOT, "Pulumi.staging.yaml"), project)
    if staging_config:  # more top-level keys under config: (the file ends inside that map)
        with open(os.path.join(project, "Pulumi.staging.yaml"), "a") as f:
            f.writelines(f"  {key}: {value}\n" for key, value in staging_config.items())
    script = os.path.join(bin_dir, "pulumi")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\n{command}\n")
    os.chmod(script, 0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULUMI_", "AWS_"))}
    env.update(PATH=bin_dir + os.pathsep + env["PATH"], PULUMI_BACKEND_URL="file://" + state, PULUMI_CONFIG_PASSPHRASE="")
    env.update(extra_env or {})
    deployer = ["dotnet", os.path.join(tmp, "deployer", "deployments.dll")]
    subprocess.run([script, "stack", "init", "staging", "--non-interactive"], env=env, cwd=project, check=True, capture_output=True)
    subprocess.run(deployer + ["env", "deploy", "staging", "--image-tag", "1.0.0", "--skip-migration", "--project-dir", project],
                   env=env, cwd=project, check=True, capture_output=True)
    return env, deployer, project
