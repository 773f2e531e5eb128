using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Commands;

/// <summary>File inputs larger than any real one are refused before they are read, naming the option (exit 2).</summary>
public class InputFileLimitTests
{
    private static string BigFile(long bytes)
    {
        var path = Path.GetTempFileName();
        using (var file = File.OpenWrite(path)) file.SetLength(bytes); // sparse: no time spent writing
        return path;
    }

    [Test]
    public void A_price_table_over_1_MiB_is_refused()
    {
        var path = BigFile(2 * 1024 * 1024);
        try
        {
            var result = DeployerRun.Run("plan", "--branch", "x", "--prices", path);

            result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
            result.StdErr.ShouldContain($"--prices: '{path}' is larger than 1 MiB");
            result.StdOut.ShouldBeEmpty();
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void An_open_branches_file_over_16_MiB_is_refused_before_pulumi_is_called()
    {
        var path = BigFile(17 * 1024 * 1024);
        try
        {
            // No pulumi on PATH: reaching it would be a different failure.
            var result = DeployerRun.Run(new Dictionary<string, string?> { ["PATH"] = "/nonexistent" }, "preview", "prune", "--max-age", "7d", "--open-branches", path);

            result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
            result.StdErr.ShouldContain($"--open-branches: '{path}' is larger than 16 MiB");
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void A_bad_line_in_the_open_branches_file_is_named_by_its_number_not_echoed()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "main\nfeature/x\n\u001b]0;owned\u0007\n");
        try
        {
            var result = DeployerRun.Run(new Dictionary<string, string?> { ["PATH"] = "/nonexistent" }, "preview", "prune", "--max-age", "7d", "--open-branches", path);

            result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
            result.StdErr.ShouldContain("--open-branches: line 3 is not a branch name");
            result.StdErr.ShouldNotContain("\u001b");
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void An_event_payload_over_25_MiB_is_refused()
    {
        var path = BigFile(26 * 1024 * 1024);
        try
        {
            var result = DeployerRun.Run("github", "event", "--event-name", "pull_request", "--event-path", path, "--dry-run");

            result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
            result.StdErr.ShouldContain("is larger than 25 MiB");
        }
        finally { File.Delete(path); }
    }
}
