using Deployments.Deployer.Tests.Aws;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// The packed and installed <c>deployments</c> tool (<see cref="InstalledTool"/>): its Native AOT binary and its
/// framework-dependent fallback run the deployer and, as <c>deployments compile</c>, the Pulumi YAML compiler.
/// </summary>
[NonParallelizable]
public class InstalledToolTests
{
    private const string ToolCompiler = "name: deployments\nruntime:\n  name: yaml\n  options:\n    compiler: deployments compile\n";

    private static string RepositoryTemplate()
    {
        var compiled = InstalledTool.Run(RepoRoot.File("infra", "compile"), ["--stack", "staging"], RepoRoot.Dir, timeout: TimeSpan.FromMinutes(5));
        compiled.ExitCode.ShouldBe(0, compiled.StdErr);
        return compiled.StdOut;
    }

    [Test]
    public void The_installed_tool_is_the_native_binary_and_shows_its_commands_under_its_own_name()
    {
        // Arrange
        var tool = InstalledTool.Get();

        // Act
        var help = InstalledTool.Run(tool.Command, ["--help"], tool.Root);

        // Assert: a native executable (ELF), not the apphost of a dll
        File.ReadAllBytes(Path.GetFullPath(new FileInfo(tool.Command).ResolveLinkTarget(true)?.FullName ?? tool.Command))[..4].ShouldBe(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' });
        Directory.GetFiles(tool.Native, "*.dll", SearchOption.AllDirectories).ShouldBeEmpty();
        help.ExitCode.ShouldBe(0, help.StdErr);
        help.StdOut.ShouldContain("Usage:\n  deployments [command] [options]");
        help.StdOut.ShouldContain("'deployments compile'");
    }

    [Test]
    public void deployments_compile_prints_the_template_infra_compile_prints()
    {
        // Arrange: the copy of this repository the tool was packed from
        var tool = InstalledTool.Get();

        // Act
        var compiled = InstalledTool.Run(tool.Command, ["compile", "--stack", "staging"], tool.Sources);

        // Assert
        compiled.ExitCode.ShouldBe(0, compiled.StdErr);
        compiled.StdErr.ShouldBeEmpty();
        compiled.StdOut.ShouldBe(RepositoryTemplate());
    }

    [Test]
    public void deployments_compile_keeps_the_compiler_s_exit_codes_and_usage()
    {
        var tool = InstalledTool.Get();

        var usage = InstalledTool.Run(tool.Command, ["compile", "--stak", "staging"], tool.Sources);
        var invalid = InstalledTool.Run(tool.Command, ["compile", "--stack", "staging", "--config", "cpu=3"], tool.Sources);

        usage.ExitCode.ShouldBe(Infra.ExitCodes.Usage);
        usage.StdOut.ShouldBeEmpty();
        usage.StdErr.ShouldContain("Usage: deployments compile [--stack NAME]");
        invalid.ExitCode.ShouldBe(Infra.ExitCodes.InvalidConfig);
        invalid.StdOut.ShouldBeEmpty();
        invalid.StdErr.ShouldContain("deployments:cpu");
    }

    [Test]
    public void The_framework_dependent_fallback_runs_the_deployer_and_the_compiler()
    {
        // Arrange
        var tool = InstalledTool.Get();

        // Act
        var help = InstalledTool.Run(tool.FallbackCommand, ["--help"], tool.Root);
        var compiled = InstalledTool.Run(tool.FallbackCommand, ["compile", "--stack", "staging"], tool.Sources);
        var plan = InstalledTool.Run(tool.FallbackCommand, ["plan", "--branch", "feature/x"], tool.Sources);

        // Assert
        Directory.GetFiles(tool.Fallback, "deployments.dll", SearchOption.AllDirectories).ShouldNotBeEmpty();
        help.ExitCode.ShouldBe(0, help.StdErr);
        help.StdOut.ShouldContain("Usage:\n  deployments [command] [options]");
        compiled.ExitCode.ShouldBe(0, compiled.StdErr);
        compiled.StdOut.ShouldBe(RepositoryTemplate());
        plan.ExitCode.ShouldBe(0, plan.StdErr);
        plan.StdOut.ShouldContain("list prices in USD");
    }

    [Test]
    public void The_native_tool_plans_offline_with_its_embedded_price_tables()
    {
        var tool = InstalledTool.Get();

        var plan = InstalledTool.Run(tool.Command, ["plan", "--branch", "feature/x"], tool.Sources);

        plan.ExitCode.ShouldBe(0, plan.StdErr);
        plan.StdOut.ShouldContain("eu-west-1 list prices in USD");
    }

    [Test]
    public void The_fake_pulumi_previews_and_deploys_staging_through_deployments_compile_on_PATH()
    {
        // Arrange: a project whose Pulumi.yaml names the installed tool as its compiler
        var tool = InstalledTool.Get();
        using var cloud = new FakeCloud();
        File.WriteAllText(Path.Combine(cloud.Project, "Pulumi.yaml"), ToolCompiler);
        cloud.Pulumi("stack", "init", "staging", "--non-interactive").Code.ShouldBe(0);
        var withoutTool = cloud.Pulumi("preview", "-s", "staging", "--non-interactive");
        cloud.Environment["PATH"] = tool.Native + Path.PathSeparator + cloud.Environment["PATH"];

        // Act
        var preview = cloud.Pulumi("preview", "-s", "staging", "--non-interactive");
        var deployed = cloud.Deployer("env", "deploy", "--skip-migration", "staging", "--image-tag", "1.0.0");

        // Assert: the compiler is found only through PATH, and both the discovery and the stack call answer
        withoutTool.Code.ShouldNotBe(0);
        withoutTool.Err.ShouldContain("deployments");
        preview.Code.ShouldBe(0, preview.Err);
        preview.Out.ShouldContain("to create");
        deployed.ExitCode.ShouldBe(0, deployed.StdErr);
        cloud.StackState("staging")["resources"]!.AsObject().Count.ShouldBeGreaterThan(10);
    }

    [Test]
    public void Web_identity_credentials_from_a_fake_STS_sign_the_native_tool_s_ECS_calls()
    {
        // Arrange: staging deployed; no AWS keys, only a web identity token (what GitHub OIDC gives), STS and ECS on 127.0.0.1
        var tool = InstalledTool.Get();
        using var cloud = new FakeCloud();
        cloud.DeployStaging();
        using var aws = new FakeAwsServer(new FakeAwsScenario { Statuses = ["PROVISIONING", "RUNNING", "STOPPED"] });
        using var sts = new FakeStsServer();
        var token = Path.Combine(cloud.Root, "web-identity-token");
        File.WriteAllText(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOk9XTkVSL1JFUE86ZW52aXJvbm1lbnQ6c3RhZ2luZyJ9.c2ln");
        var environment = new Dictionary<string, string?>(cloud.Environment)
        {
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = FakeAwsServer.Region,
            ["AWS_ENDPOINT_URL"] = aws.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_STS"] = sts.Endpoint.ToString(),
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = token,
            ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/shop-staging-ci-deploy",
            ["AWS_ROLE_SESSION_NAME"] = "GitHubActions",
            ["AWS_CONFIG_FILE"] = Path.Combine(cloud.Root, "no-aws-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(cloud.Root, "no-aws-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

        // Act
        var migrated = InstalledTool.Run(tool.Command, ["migrate", "--stack", "staging", "--project-dir", cloud.Project], cloud.Project, environment);

        // Assert
        migrated.ExitCode.ShouldBe(0, migrated.StdErr);
        var assumed = sts.Requests.ShouldHaveSingleItem();
        assumed["Action"].ShouldBe("AssumeRoleWithWebIdentity");
        assumed["RoleArn"].ShouldBe("arn:aws:iam::123456789012:role/shop-staging-ci-deploy");
        assumed["RoleSessionName"].ShouldBe("GitHubActions");
        assumed["WebIdentityToken"].ShouldBe(File.ReadAllText(token));
        aws.Rejections.ShouldBeEmpty();
        aws.Targets.ShouldContain("RunTask");
    }
}
