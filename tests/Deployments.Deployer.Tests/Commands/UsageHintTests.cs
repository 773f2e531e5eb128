using Deployments.Deployer.Errors;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Commands;

/// <summary>Hints name the command a user has: <c>deployments</c>, the installed tool (not an assembly or a "deployer").</summary>
[NonParallelizable] // one test changes the process's current directory
public class UsageHintTests
{
    [TestCase(new[] { "bogus" }, "Run 'deployments --help' for usage.")]
    [TestCase(new[] { "plan", "--bogus" }, "Run 'deployments plan --help' for usage.")]
    [TestCase(new[] { "preview", "deploy", "--bogus" }, "Run 'deployments preview deploy --help' for usage.")]
    public void A_usage_error_points_to_the_deployments_command_s_help(string[] args, string hint)
    {
        // Act
        var result = DeployerRun.Run(args);

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldEndWith(hint + "\n");
    }

    [Test]
    public void Outside_a_project_the_message_says_to_run_deployments_in_it_or_pass_project_dir()
    {
        // Arrange: a directory with no Pulumi.yaml in it or above it
        var empty = Directory.CreateTempSubdirectory("deployments-no-project-").FullName;
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = empty;

            // Act
            var error = Should.Throw<UserInputException>(() => ProjectDirectory.Find(null));

            // Assert
            error.Message.ShouldBe("no Pulumi.yaml in this directory or above it; run deployments in the project's directory (or below it) or pass --project-dir");
        }
        finally
        {
            Environment.CurrentDirectory = before;
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public void The_root_help_names_the_compiler_command()
    {
        var result = DeployerRun.Run("--help");

        result.ExitCode.ShouldBe(0);
        result.StdOut.ShouldContain("'deployments compile' (see 'deployments compile --help')");
    }
}
