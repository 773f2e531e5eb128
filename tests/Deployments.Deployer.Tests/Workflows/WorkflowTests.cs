using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>The workflows users copy: actionlint-clean, and the properties the product relies on.</summary>
[Category("workflows")]
public class WorkflowTests
{
    private static string Workflow(string name) => Path.Combine(RepoRoot.Dir, ".github", "workflows", name);

    [Test]
    public void Every_workflow_passes_actionlint()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot.Dir, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();

        files.Select(Path.GetFileName).ShouldBe(["deploy.yml", "drift.yml", "infra.yml", "migrate.yml", "preview.yml", "rollback.yml", "sweep.yml"]);
        ActionLint.Lint(files).ShouldBeEmpty();
    }

    [Test]
    public void The_sweep_clears_locks_older_than_any_job_can_run() => SweepLockCheck.Verify(Path.Combine(RepoRoot.Dir, ".github", "workflows"));

    [Test]
    public void Actionlint_catches_a_broken_workflow()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, File.ReadAllText(Workflow("preview.yml")).Replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest", StringComparison.Ordinal));
        try
        {
            var findings = ActionLint.Lint(broken);

            findings.ShouldNotBeEmpty();
            findings.Select(f => f!["message"]!.GetValue<string>()).ShouldContain(m => m.Contains("runs-onn", StringComparison.Ordinal));
        }
        finally { File.Delete(broken); }
    }

    [Test]
    public void Preview_runs_one_at_a_time_per_pull_request_and_never_cancels_a_deploy_half_way()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Workflow("preview.yml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var concurrency = (YamlMappingNode)root["concurrency"];
        var types = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["on"])["pull_request"])["types"]).Select(t => t.ToString()).ToList();

        concurrency["group"].ToString().ShouldBe("preview-${{ github.event.pull_request.number }}");
        concurrency["cancel-in-progress"].ToString().ShouldBe("false");
        types.ShouldBe(["opened", "synchronize", "reopened", "ready_for_review", "closed", "labeled", "unlabeled"]);
        File.ReadAllText(Workflow("preview.yml")).ShouldContain("github.event.pull_request.head.repo.full_name == github.repository");
    }

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Workflow(name))) yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    /// <summary>Every job of every workflow: (file, job id, its environment or null, the roles its AWS steps assume).</summary>
    private static IEnumerable<(string File, string Job, string? Environment, IReadOnlyList<string> Roles)> Jobs()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Dir, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            foreach (var (id, job) in (YamlMappingNode)Load(name)["jobs"])
            {
                var j = (YamlMappingNode)job;
                var roles = j.Children.TryGetValue(new YamlScalarNode("steps"), out var steps)
                    ? ((YamlSequenceNode)steps).OfType<YamlMappingNode>()
                        .Where(s => Scalar(s, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true)
                        .Select(s => Scalar((YamlMappingNode)s["with"], "role-to-assume") ?? "").ToList()
                    : [];
                yield return (name, ((YamlScalarNode)id).Value!, Scalar(j, "environment"), roles);
            }
        }
    }

    private static IReadOnlyList<string> Triggers(string name) => Load(name)["on"] switch
    {
        YamlMappingNode m => m.Children.Keys.Select(k => k.ToString()).ToList(),
        YamlSequenceNode q => q.Select(k => k.ToString()).ToList(),
        var n => [n.ToString()],
    };

    private const string DeployRole = "${{ secrets.AWS_DEPLOY_ROLE_ARN }}";
    private const string PreviewRole = "${{ secrets.AWS_PREVIEW_ROLE_ARN }}";
    /// <summary>drift.yml's: each environment's read-only drift role (its <c>ciDriftRoleArn</c>), a secret of its drift-ENV environment.</summary>
    public const string DriftRole = "${{ secrets.AWS_DRIFT_ROLE_ARN }}";
    /// <summary>infra.yml's: each environment's read-only review role (its <c>ciReviewRoleArn</c>), a secret of its review-ENV environment.</summary>
    public const string ReviewRole = ReviewWorkflowCheck.ReviewRole;

    [Test]
    public void The_deploy_workflow_gives_the_release_notice_its_secret_and_token_on_the_release_steps_only() =>
        ReleaseNoticeSecretsCheck.Verify(Workflow("deploy.yml"));

    [Test]
    public void Every_job_that_assumes_an_environment_role_runs_in_a_github_environment()
    {
        // Act: the environment roles trust only repo:OWNER/REPO:environment:<name> tokens, i.e. jobs with environment:.
        var offenders = Jobs().Where(j => j.Roles.Contains(DeployRole) && string.IsNullOrEmpty(j.Environment))
            .Select(j => $"{j.File}:{j.Job}").ToList();

        // Assert
        offenders.ShouldBeEmpty();
        Jobs().Where(j => j.Roles.Count > 0).ShouldAllBe(j => j.Roles.All(r => r == DeployRole || r == PreviewRole || r == ReviewRole || r == DriftRole));
    }

    [Test]
    public void Drift_checks_each_environment_in_its_own_drift_environment_with_the_drift_role_only()
    {
        // The drift environments (no reviewers, default branch only) hold the drift role's ARN and each environment's
        // passphrase; production's own environment, with its reviewers, would hold every scheduled run for approval.
        var jobs = Jobs().Where(j => j.File == "drift.yml").ToList();
        var job = (YamlMappingNode)((YamlMappingNode)Load("drift.yml")["jobs"])["drift"];
        var stacks = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["stack"]).Select(s => s.ToString()).ToList();

        jobs.ShouldHaveSingleItem().Environment.ShouldBe("drift-${{ matrix.stack }}");
        jobs[0].Roles.ShouldBe([DriftRole]);
        stacks.ShouldBe(["staging", "production"]);
        Triggers("drift.yml").ShouldBe(["schedule", "workflow_dispatch"]);
        ((YamlMappingNode)Load("drift.yml")["permissions"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString())
            .ShouldBe(new Dictionary<string, string> { ["contents"] = "read", ["id-token"] = "write", ["issues"] = "write" });
        File.ReadAllText(Workflow("drift.yml")).ShouldContain("command: env-drift");
        File.ReadAllText(Workflow("drift.yml")).ShouldContain("--github-issue");
    }

    [Test]
    public void Jobs_outside_a_github_environment_assume_only_the_preview_role()
    {
        var offenders = Jobs().Where(j => string.IsNullOrEmpty(j.Environment) && j.Roles.Any(r => r != PreviewRole))
            .Select(j => $"{j.File}:{j.Job} assumes {string.Join(", ", j.Roles)}").ToList();

        offenders.ShouldBeEmpty();
    }

    [Test]
    public void Pull_request_code_never_gets_a_role_that_can_write_an_environment()
    {
        // Arrange: workflows a pull request triggers run its own code (docker build, the deployer, the compiler).
        var pullRequestWorkflows = Directory.GetFiles(Path.Combine(RepoRoot.Dir, ".github", "workflows"), "*.yml")
            .Select(Path.GetFileName).Where(f => Triggers(f!).Any(t => t.StartsWith("pull_request", StringComparison.Ordinal))).ToList();

        // Act
        var jobs = Jobs().Where(j => pullRequestWorkflows.Contains(j.File)).ToList();

        // Assert
        // infra.yml is pull_request_target: the default branch's file, running none of the pull request's code (below).
        pullRequestWorkflows.Order(StringComparer.Ordinal).ShouldBe(["infra.yml", "preview.yml"]);
        Triggers("preview.yml").ShouldBe(["pull_request"]);
        jobs.Where(j => j.File == "preview.yml").ShouldAllBe(j => j.Environment == null);
        jobs.Where(j => j.File == "preview.yml").SelectMany(j => j.Roles).Distinct().ShouldBe([PreviewRole]);
        var text = File.ReadAllText(Workflow("preview.yml"));
        text.ShouldNotContain("AWS_DEPLOY_ROLE_ARN");
        text.ShouldNotContain("environment:");
        // Its image goes to the preview repository: the environment's repository holds tags the environment runs.
        text.ShouldNotContain("secrets.ECR_REPOSITORY_URL");
        text.ShouldContain("REPOSITORY: ${{ secrets.ECR_PREVIEW_REPOSITORY_URL }}");
    }

    [Test]
    public void Staging_and_production_deploys_run_in_their_github_environment_with_their_own_role()
    {
        var deploys = Jobs().Where(j => j.File is "deploy.yml" or "rollback.yml" or "migrate.yml").ToList();

        deploys.ShouldNotBeEmpty();
        deploys.ShouldAllBe(j => j.Roles.SequenceEqual(new[] { DeployRole }));
        deploys.Single(j => j.File == "deploy.yml").Environment.ShouldBe("${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}");
        deploys.Where(j => j.File != "deploy.yml").ShouldAllBe(j => j.Environment == "${{ inputs.environment }}");
    }

    [Test]
    public void Infra_reviews_run_none_of_the_pull_requests_code_and_gate_stateful_changes_on_a_label() =>
        ReviewWorkflowCheck.Verify(Workflow("infra.yml"));
}
