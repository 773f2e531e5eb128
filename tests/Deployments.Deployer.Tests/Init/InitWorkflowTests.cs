using System.Text.RegularExpressions;
using Deployments.Deployer.Init;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Deployer.Tests.Workflows;
using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Init;

/// <summary>The workflows init writes into a user's repository: actionlint-clean, pinned, and using our action.</summary>
[Category("workflows")]
public class InitWorkflowTests
{
    private static AppRepository Initialised(params string[] args)
    {
        var repository = new AppRepository();
        var result = DeployerRun.Run(["init", "--dir", repository.Dir, "--github-repository", "acme/shop", .. args]);
        result.ExitCode.ShouldBe(0, result.StdErr);
        return repository;
    }

    private static string[] WorkflowFiles(AppRepository repository) =>
        Scaffold.Workflows.Select(w => Path.Combine(repository.Dir, ".github", "workflows", $"{w}.yml")).ToArray();

    [Test]
    public void The_generated_sweep_clears_locks_older_than_any_job_can_run()
    {
        using var repository = Initialised();

        SweepLockCheck.Verify(Path.Combine(repository.Dir, ".github", "workflows"));
    }

    [Test]
    public void The_generated_deploy_workflow_gives_the_release_notice_its_secret_and_token_on_the_release_steps_only()
    {
        using var repository = Initialised();

        ReleaseNoticeSecretsCheck.Verify(Path.Combine(repository.Dir, ".github", "workflows", "deploy.yml"));
    }

    [Test]
    public void The_generated_workflows_pass_actionlint()
    {
        using var repository = Initialised();

        ActionLint.Lint(WorkflowFiles(repository)).ShouldBeEmpty();
    }

    [Test]
    public void With_the_local_compiler_every_workflow_restores_the_manifest_s_tools_and_passes_actionlint()
    {
        using var global = Initialised();
        using var local = Initialised("--compiler", "local");

        // Assert: Pulumi.yaml runs `dotnet tool run deployments`, which needs the manifest's tools restored first.
        foreach (var workflow in Scaffold.Workflows)
        {
            global.Read($".github/workflows/{workflow}.yml").ShouldNotContain("dotnet tool restore");
            var text = local.Read($".github/workflows/{workflow}.yml");
            text.ShouldContain($"      - uses: {ActionPins.SetupDotnet}\n        with:\n          dotnet-version: 10.0.x\n      - run: dotnet tool restore\n");
            text.IndexOf("dotnet tool restore", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("uses: " + ActionPins.DefaultActionRepository, StringComparison.Ordinal));
        }
        ActionLint.Lint(WorkflowFiles(local)).ShouldBeEmpty();
    }

    [Test]
    public void The_workflows_of_a_tool_without_a_known_commit_pass_actionlint_too()
    {
        // Arrange: the same templates, filled as a build without Source Link would fill them.
        using var repository = new AppRepository();
        var settings = Deployments.Deployer.Init.InitValidator.Validate(new InitFlags { Directory = repository.Dir }, repository.Dir);
        var files = Scaffold.Files(settings, new ToolIdentity("0.2.0", null), null, out var pinned);
        ScaffoldWriter.Write(repository.Dir, files, force: false);

        // Assert
        pinned.ShouldBeFalse();
        repository.Read(".github/workflows/deploy.yml").ShouldContain($"uses: {ActionPins.DefaultActionRepository}@v0.2.0 # not pinned");
        ActionLint.Lint(WorkflowFiles(repository)).ShouldBeEmpty();
    }

    [Test]
    public void Every_action_is_pinned_to_a_full_commit_sha_and_ours_to_the_tool_s_commit()
    {
        using var repository = Initialised("--action-repository", "acme/deployments");
        var uses = WorkflowFiles(repository).SelectMany(File.ReadAllLines)
            .Select(l => Regex.Match(l, @"uses: (\S+)@(\S+)(.*)$")).Where(m => m.Success).ToList();

        uses.ShouldNotBeEmpty();
        uses.ShouldAllBe(m => Regex.IsMatch(m.Groups[2].Value, "^[0-9a-f]{40}$") && Regex.IsMatch(m.Groups[3].Value, @"^ # v\d+\.\d+\.\d+"));
        uses.Where(m => m.Groups[1].Value == "acme/deployments").ShouldAllBe(m => m.Groups[2].Value == ToolIdentity.Running.Commit);
        uses.Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ShouldBe(
        [
            "acme/deployments", "actions/checkout", "aws-actions/configure-aws-credentials", "docker/build-push-action", "docker/login-action",
            "docker/setup-buildx-action",
        ]);
    }

    [Test]
    public void Pull_request_code_gets_only_the_preview_or_review_role_and_environments_their_deploy_role()
    {
        using var repository = Initialised();

        // Act
        var jobs = WorkflowFiles(repository).SelectMany(file =>
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            return ((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"]).Children.Values.Cast<YamlMappingNode>()
                .Select(job => (File: Path.GetFileName(file), Environment: job.Children.TryGetValue(new YamlScalarNode("environment"), out var e) ? e.ToString() : null,
                    Roles: ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()
                        .Where(s => s.Children.TryGetValue(new YamlScalarNode("with"), out var w) && ((YamlMappingNode)w).Children.ContainsKey(new YamlScalarNode("role-to-assume")))
                        .Select(s => ((YamlMappingNode)s["with"])["role-to-assume"].ToString()).ToList()));
        }).ToList();

        // Assert
        jobs.Where(j => j.File is "preview.yml" or "sweep.yml").ShouldAllBe(j => j.Environment == null && j.Roles.SequenceEqual(new[] { "${{ secrets.AWS_PREVIEW_ROLE_ARN }}" }));
        jobs.Where(j => j.File is "deploy.yml" or "rollback.yml" or "migrate.yml").ShouldAllBe(j => j.Environment != null && j.Roles.SequenceEqual(new[] { "${{ secrets.AWS_DEPLOY_ROLE_ARN }}" }));
        jobs.Where(j => j.File is "drift.yml").ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            j => j.Environment.ShouldBe("drift-${{ matrix.stack }}"), j => j.Roles.ShouldBe([WorkflowTests.DriftRole]));
        repository.Read(".github/workflows/preview.yml").ShouldContain("github.event.pull_request.head.repo.full_name == github.repository");
        // The review holds the environment's passphrase, so it runs none of the pull request's code (ReviewWorkflowCheck).
        ReviewWorkflowCheck.Verify(Path.Combine(repository.Dir, ".github", "workflows", "infra.yml"));
    }

    [Test]
    public void Production_promotes_staging_s_image_and_never_builds()
    {
        using var repository = Initialised();
        var deploy = repository.Read(".github/workflows/deploy.yml");

        // The build steps run for staging only; production's step is the promotion from staging.
        var steps = deploy.Split("\n      - ", StringSplitOptions.None).Skip(1).ToList();
        steps.Where(s => s.Contains("docker/", StringComparison.Ordinal)).ShouldAllBe(s => s.Contains("if: env.TARGET == 'staging'", StringComparison.Ordinal));
        steps.ShouldContain(s => s.Contains("command: env-promote", StringComparison.Ordinal) && s.Contains("if: env.TARGET == 'production'", StringComparison.Ordinal)
            && s.Contains("from: staging", StringComparison.Ordinal));
        deploy.ShouldContain("cache-from: type=gha");
    }

    [Test]
    public void No_run_script_expands_an_expression()
    {
        // Values reach scripts through env: only; ${{ }} inside run: would be pasted into the script as code.
        using var repository = Initialised();

        foreach (var file in WorkflowFiles(repository))
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            var runs = yaml.Documents[0].AllNodes.OfType<YamlMappingNode>()
                .Where(m => m.Children.ContainsKey(new YamlScalarNode("run"))).Select(m => m["run"].ToString());
            runs.ShouldAllBe(r => !r.Contains("${{", StringComparison.Ordinal), Path.GetFileName(file));
        }
    }
}
