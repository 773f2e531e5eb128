using Deployments.Deployer.Tests.Init;
using Deployments.Deployer.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// The steps that name an image from the repository's <c>VERSION</c> file (in a pull request, the pull request's own
/// file) write it into <c>GITHUB_OUTPUT</c> inside a multi-line value: a hostile VERSION holding the delimiter could end
/// that value and set other outputs (the registry to log in to, the tags to push). The steps refuse anything but one
/// line of a Docker tag's characters (https://docs.docker.com/reference/cli/docker/image/tag/), before writing anything.
/// Each step is run as the runner runs it (<c>bash --noprofile --norc -eo pipefail</c>), with a fake <c>git</c>.
/// </summary>
[Category("workflows")]
public class VersionFileTests
{
    private const string Repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop";
    private const string Hostile = "1.0\nTAGS\nEOF\nregistry=evil.example\ntag=evil";

    private static IEnumerable<(string File, string Run)> VersionSteps(string directory)
    {
        foreach (var path in Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path)) yaml.Load(reader);
            var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
            foreach (var job in jobs.Children.Values.Cast<YamlMappingNode>())
                if (job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps))
                    foreach (var step in ((YamlSequenceNode)steps).Cast<YamlMappingNode>())
                        if (step.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString().Contains("VERSION", StringComparison.Ordinal))
                            yield return (Path.GetFileName(path), run.ToString());
        }
    }

    private static (int Code, string Output, string Error) RunStep(string script, string? version)
    {
        var dir = Directory.CreateTempSubdirectory("version-step-").FullName;
        try
        {
            if (version is not null) File.WriteAllText(Path.Combine(dir, "VERSION"), version);
            var bin = Directory.CreateDirectory(Path.Combine(dir, "bin")).FullName;
            var git = Path.Combine(bin, "git");
            File.WriteAllText(git, "#!/bin/sh\nexit 0\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(git, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var output = Path.Combine(dir, "github-output");
            File.WriteAllText(output, "");
            var scriptFile = Path.Combine(dir, "step.sh");
            File.WriteAllText(scriptFile, script);
            var result = InstalledTool.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], dir, new Dictionary<string, string?>
            {
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["GITHUB_OUTPUT"] = output,
                ["REPOSITORY"] = Repository,
                ["HEAD_SHA"] = "3f9a2c1d4e5b6a7980a1b2c3d4e5f60718293a4b",
                ["GITHUB_SHA"] = "3f9a2c1d4e5b6a7980a1b2c3d4e5f60718293a4b",
                ["GITHUB_REF"] = "refs/heads/main",
            }, TimeSpan.FromSeconds(30));
            return (result.ExitCode, File.ReadAllText(output), result.StdOut + result.StdErr);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static IEnumerable<TestCaseData> Steps()
    {
        foreach (var (file, run) in VersionSteps(RepoRoot.File(".github", "workflows")))
            yield return new TestCaseData(run).SetArgDisplayNames($"this repository's {file}");
        using var repository = new AppRepository();
        var init = DeployerRun.Run(["init", "--dir", repository.Dir, "--github-repository", "acme/shop"]);
        init.ExitCode.ShouldBe(0, init.StdErr);
        foreach (var (file, run) in VersionSteps(Path.Combine(repository.Dir, ".github", "workflows")))
            yield return new TestCaseData(run).SetArgDisplayNames($"init's {file}");
    }

    [Test]
    public void Both_the_preview_and_the_deploy_workflows_name_images_from_VERSION_here_and_in_init_s_output()
    {
        Steps().Count().ShouldBe(4);
    }

    [TestCaseSource(nameof(Steps))]
    public void A_hostile_VERSION_is_refused_before_any_output_is_written(string script)
    {
        var (code, output, error) = RunStep(script, Hostile);

        code.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.ShouldContain("::error::VERSION must be");
    }

    [TestCaseSource(nameof(Steps))]
    public void A_plain_VERSION_or_none_names_the_image_by_version_and_short_sha(string script)
    {
        var plain = RunStep(script, "1.4.2\n");
        var none = RunStep(script, null);

        plain.Code.ShouldBe(0, plain.Error);
        plain.Output.ShouldContain($"{Repository}:1.4.2-3f9a2c1\n");
        none.Code.ShouldBe(0, none.Error);
        none.Output.ShouldContain($"{Repository}:0.0.0-3f9a2c1\n");
    }
}
