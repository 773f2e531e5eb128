using Deployments.Deployer.Init;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra;
using Deployments.Infra.Config;
using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Init;

/// <summary><c>deployments init</c> run in-process on a fresh application repository, its files read back and compiled.</summary>
public class InitCommandTests
{
    private static readonly string[] Written =
    [
        ".config/dotnet-tools.json", ".github/workflows/deploy.yml", ".github/workflows/drift.yml", ".github/workflows/infra.yml", ".github/workflows/migrate.yml", ".github/workflows/preview.yml",
        ".github/workflows/rollback.yml", ".github/workflows/sweep.yml", "Dockerfile", "Pulumi.production.yaml", "Pulumi.staging.yaml", "Pulumi.yaml",
    ];

    private static DeployerRun.Result Init(AppRepository repository, params string[] args) =>
        DeployerRun.Run(new Dictionary<string, string?> { ["CI"] = "true" }, ["init", "--dir", repository.Dir, .. args]);

    /// <summary>The stack file compiled by the real compiler, as <c>--stack</c> renders it, under the Pulumi.yaml's project name.</summary>
    private static Infra.Template.PulumiTemplate Compile(AppRepository repository, string stack)
    {
        var project = ProjectFileName.Read(repository.Read("Pulumi.yaml"))!;
        var source = new ConfigSource();
        StackFileLoader.LoadInto(source, Path.Combine(repository.Dir, $"Pulumi.{stack}.yaml"), project);
        return StackCompiler.Compile(source, stack, project);
    }

    private static YamlMappingNode Config(AppRepository repository, string stack)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(repository.Read($"Pulumi.{stack}.yaml")));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["config"];
    }

    private static string Value(YamlMappingNode config, string key) => ((YamlScalarNode)config[key]).Value!;

    [Test]
    public void Writes_the_project_the_stacks_the_manifest_and_the_workflows_with_defaults()
    {
        // Arrange
        using var repository = new AppRepository("My_Shop");

        // Act
        var result = Init(repository);

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        repository.Files().ShouldBe(Written);
        result.StdOut.ShouldContain("created     Pulumi.yaml");
        // One line per file written: every file but the Dockerfile, which the repository already had.
        result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(Written.Length - 1);
        var project = repository.Read("Pulumi.yaml");
        ProjectFileName.Read(project).ShouldBe("my-shop");
        project.ShouldContain("    compiler: deployments compile\n");
        var staging = Config(repository, "staging");
        Value(staging, "aws:region").ShouldBe("eu-west-1");
        Value(staging, "my-shop:appName").ShouldBe("my-shop");
        Value(staging, "my-shop:containerPort").ShouldBe("8080");
        Value(staging, "my-shop:previewDomain").ShouldBe("preview.my-shop.example.com");
        result.StdErr.ShouldContain("--hosted-zone-id");
        result.StdErr.ShouldContain("no CI roles");
    }

    [Test]
    public void The_stack_files_compile_with_the_real_compiler()
    {
        using var repository = new AppRepository();
        Init(repository, "--github-repository", "acme/shop", "--state-bucket", "acme-pulumi-state").ExitCode.ShouldBe(0);

        // Act
        var staging = Compile(repository, "staging");
        var production = Compile(repository, "production");

        // Assert: staging hosts previews and has all four CI roles; production is protected and has its deploy, review and drift roles.
        staging.Resources.Select(r => r.Type).ShouldContain("aws:iam:OpenIdConnectProvider");
        staging.Resources.Where(r => r.Type == "aws:iam:Role" && r.Name.StartsWith("ci-", StringComparison.Ordinal)).Select(r => r.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["ci-deploy-role", "ci-drift-role", "ci-preview-role", "ci-review-role"]);
        production.Resources.Where(r => r.Type == "aws:iam:Role" && r.Name.StartsWith("ci-", StringComparison.Ordinal)).Select(r => r.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["ci-deploy-role", "ci-drift-role", "ci-review-role"]);
        Value(Config(repository, "production"), "shop:protect").ShouldBe("true");
    }

    [Test]
    public void The_tool_manifest_pins_the_running_tool_s_version_and_local_mode_runs_it()
    {
        using var repository = new AppRepository();

        var result = Init(repository, "--compiler", "local");

        result.ExitCode.ShouldBe(0, result.StdErr);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(repository.Read(".config/dotnet-tools.json"))!;
        manifest["tools"]!["deployments"]!["version"]!.GetValue<string>().ShouldBe(ToolIdentity.Running.Version);
        manifest["tools"]!["deployments"]!["commands"]![0]!.GetValue<string>().ShouldBe("deployments");
        repository.Read("Pulumi.yaml").ShouldContain("    compiler: dotnet tool run deployments compile\n");
    }

    [Test]
    public void A_second_run_changes_nothing()
    {
        using var repository = new AppRepository();
        Init(repository, "--app", "shop", "--port", "8000").ExitCode.ShouldBe(0);
        var before = repository.Files().ToDictionary(f => f, f => (repository.Read(f), File.GetLastWriteTimeUtc(Path.Combine(repository.Dir, f))));

        // Act
        var again = Init(repository, "--app", "shop", "--port", "8000");

        // Assert
        again.ExitCode.ShouldBe(0, again.StdErr);
        again.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.StartsWith("unchanged ", StringComparison.Ordinal));
        repository.Files().ToDictionary(f => f, f => (repository.Read(f), File.GetLastWriteTimeUtc(Path.Combine(repository.Dir, f)))).ShouldBe(before);
    }

    [Test]
    public void An_existing_file_with_other_content_is_left_and_nothing_is_written()
    {
        // Arrange: the team already has a Pulumi.yaml.
        using var repository = new AppRepository();
        File.WriteAllText(Path.Combine(repository.Dir, "Pulumi.yaml"), "name: theirs\nruntime: nodejs\n");

        // Act
        var result = Init(repository);

        // Assert
        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("Pulumi.yaml already exists with other content");
        result.StdErr.ShouldContain("--force");
        repository.Read("Pulumi.yaml").ShouldBe("name: theirs\nruntime: nodejs\n");
        repository.Files().ShouldBe(["Dockerfile", "Pulumi.yaml"]);
    }

    [Test]
    public void A_file_where_a_directory_belongs_is_refused_before_anything_is_written()
    {
        using var repository = new AppRepository();
        File.WriteAllText(Path.Combine(repository.Dir, ".github"), "not a directory\n");

        var result = Init(repository, "--force");

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("nothing was written: .github is a file, where init writes the directory of .github/workflows/deploy.yml");
        repository.Files().ShouldBe([".github", "Dockerfile"]);
    }

    [Test]
    public void Force_overwrites_what_differs_and_keeps_what_is_identical()
    {
        using var repository = new AppRepository();
        Init(repository).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(repository.Dir, "Pulumi.staging.yaml"), "config: {}\n");

        // Act
        var result = Init(repository, "--force");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("overwritten Pulumi.staging.yaml");
        result.StdOut.ShouldContain("unchanged   Pulumi.yaml");
        Compile(repository, "staging").Resources.ShouldNotBeEmpty();
    }

    [TestCase("--app", "Shop", "--app: 'Shop' must be 1-16")]
    [TestCase("--app", "shop\nname: evil", "--app: a value of 15 characters must be 1-16")]
    [TestCase("--app", "shop-pv", "--app: 'shop-pv' must not end with '-pv'")]
    [TestCase("--region", "eu-west-1\n", "--region: a value of 10 characters is not allowed: an AWS region")]
    [TestCase("--port", "80a", "--port: '80a' is not allowed: the port the app listens on, 1-65535")]
    [TestCase("--port", "70000", "--port: '70000' is not allowed")]
    [TestCase("--health-path", "health", "--health-path: 'health' is not allowed: an absolute URL path")]
    [TestCase("--health-path", "/ok\n  injected: true", "--health-path: a value of 20 characters is not allowed")]
    [TestCase("--staging-domain", "staging.shop.com\nx: y", "--staging-domain: a value of 21 characters is not allowed: a lower-case DNS name")]
    [TestCase("--production-domain", "${{ secrets.X }}", "--production-domain: '${{ secrets.X }}' is not allowed: a lower-case DNS name")]
    [TestCase("--preview-domain", "staging.my.example.com", "--preview-domain: 'staging.my.example.com'")]
    [TestCase("--hosted-zone-id", "Z123'\n", "--hosted-zone-id: is not allowed")]
    [TestCase("--migration-command", "alembic upgrade\nhead", "--migration-command: a value of 20 characters is not allowed")]
    [TestCase("--migration-command", "[\"ok\", 1]", "--migration-command: is not a JSON array of strings")]
    [TestCase("--migration-command", "   ", "--migration-command: '   ' is not allowed")]
    [TestCase("--github-repository", "acme/shop\n", "--github-repository: is not allowed: OWNER/REPO")]
    [TestCase("--github-repository", "acme/${{ x }}", "--github-repository: is not allowed")]
    [TestCase("--action-repository", "acme/deployments@main", "--action-repository: is not allowed: OWNER/REPO")]
    [TestCase("--compiler", "shell", "--compiler: 'shell' is not allowed: global")]
    [TestCase("--state-bucket", "Bucket_1", "--state-bucket: is not allowed")]
    public void A_bad_flag_is_refused_by_name_and_nothing_is_written(string flag, string value, string message)
    {
        using var repository = new AppRepository();
        var staging = flag == "--preview-domain" ? new[] { "--staging-domain", "my.example.com" } : [];

        // Act
        var result = Init(repository, [flag, value, .. staging]);

        // Assert
        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain(message);
        result.StdErr.ShouldNotContain("   at ");
        repository.Files().ShouldBe(["Dockerfile"]);
    }

    [Test]
    public void A_directory_whose_name_makes_no_app_name_asks_for_app()
    {
        using var repository = new AppRepository("2024");

        var result = Init(repository);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("--app: the directory name '2024' does not make an app name; pass --app NAME");
        repository.Files().ShouldBe(["Dockerfile"]);
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        using var repository = new AppRepository();

        var result = Init(repository, "--region", "mars", "--port", "0", "--compiler", "x");

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("--region:");
        result.StdErr.ShouldContain("--port:");
        result.StdErr.ShouldContain("--compiler:");
    }

    [Test]
    public void A_hostile_migration_command_stays_inside_its_own_strings()
    {
        // Arrange: quotes, YAML specials, a comment marker and a GitHub expression: all legal words of a command.
        using var repository = new AppRepository();
        string[] words = ["sh", "-c", "echo \"done\" # ${{ secrets.AWS_SECRET }}: [x] &a *a !t", "'quoted'"];

        // Act
        var result = Init(repository, "--migration-command", System.Text.Json.JsonSerializer.Serialize(words));

        // Assert: the stack file has exactly the keys init writes, and the command reads back word for word.
        result.ExitCode.ShouldBe(0, result.StdErr);
        var staging = Config(repository, "staging");
        ((YamlSequenceNode)staging["shop:migrationCommand"]).Select(n => ((YamlScalarNode)n).Value).ShouldBe(words);
        staging.Children.Keys.Select(k => k.ToString()).ShouldBe(
        [
            "aws:region", "shop:kind", "shop:appName", "shop:imageTag", "shop:migrationCommand", "shop:containerPort", "shop:healthCheckPath",
            "shop:hostedZoneId", "shop:host", "shop:previewDomain",
        ]);
        Compile(repository, "staging").Resources.ShouldNotBeEmpty();
        // The workflows never carry it: nothing from the stack config reaches a GitHub expression.
        foreach (var workflow in Scaffold.Workflows) repository.Read($".github/workflows/{workflow}.yml").ShouldNotContain("AWS_SECRET");
    }

    [Test]
    public void Words_separated_by_spaces_are_the_command_and_its_arguments()
    {
        using var repository = new AppRepository();

        Init(repository, "--migration-command", "alembic  upgrade head").ExitCode.ShouldBe(0);

        repository.Read("Pulumi.staging.yaml").ShouldContain("  shop:migrationCommand: [\"alembic\", \"upgrade\", \"head\"]\n");
    }

    [Test]
    public void The_github_repository_defaults_to_the_origin_remote()
    {
        using var repository = new AppRepository(originUrl: "git@github.com:acme/shop.git");

        var result = Init(repository);

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldNotContain("no CI roles");
        var ci = (YamlMappingNode)Config(repository, "staging")["shop:ci"];
        Value(ci, "repository").ShouldBe("acme/shop");
        Value((YamlMappingNode)Config(repository, "production")["shop:ci"], "previews").ShouldBe("false");
    }

    [Test]
    public void The_output_is_deterministic()
    {
        using var first = new AppRepository("one");
        using var second = new AppRepository("two");
        string[] flags = ["--app", "shop", "--github-repository", "acme/shop", "--production-domain", "shop.acme.io", "--hosted-zone-id", "Z0123456789ABCDEF"];

        Init(first, flags).ExitCode.ShouldBe(0);
        Init(second, flags).ExitCode.ShouldBe(0);

        first.Files().ShouldBe(second.Files());
        foreach (var file in first.Files()) first.Read(file).ShouldBe(second.Read(file), file);
        first.Files().Where(f => f != "Dockerfile").ShouldAllBe(f => !first.Read(f).Contains('\r', StringComparison.Ordinal));
    }

    [Test]
    public void Plan_works_right_after_init_offline()
    {
        // Arrange: the project is named after the app, so its config keys are shop:…
        using var repository = new AppRepository();
        Init(repository).ExitCode.ShouldBe(0);

        // Act
        var plan = DeployerRun.Run(["plan", "--branch", "feature/x", "--project-dir", repository.Dir, "--json"]);

        // Assert
        plan.ExitCode.ShouldBe(0, plan.StdErr);
        var report = System.Text.Json.Nodes.JsonNode.Parse(plan.StdOut)!;
        report["url"]!.GetValue<string>().ShouldStartWith("https://feature-x-");
        report["url"]!.GetValue<string>().ShouldEndWith(".preview.shop.example.com");
        report["names"]!["service"]!.GetValue<string>().ShouldStartWith("shop-pv-feature-x-");
        DeployerRun.Run(["plan", "--stack", "production", "--project-dir", repository.Dir]).ExitCode.ShouldBe(0);
    }
}
