using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.Pulumi;

/// <summary>Canned stderr texts from https://github.com/pulumi/pulumi-dotnet/blob/main/sdk/Pulumi.Automation/Commands/Exceptions/CommandException.cs.</summary>
public class PulumiErrorClassifierTests
{
    private static PulumiException Classify(string stderr, int code = 255) =>
        PulumiErrorClassifier.Classify(new CommandResult(["up", "--yes"], code, "", stderr, TimeSpan.Zero), "staging");

    [Test]
    public void Stack_not_found() =>
        Classify("error: no stack named 'staging' found\n").ShouldBeOfType<StackNotFoundException>();

    [Test]
    public void Already_exists_with_a_file_backend_fqn() =>
        Classify("error: stack 'organization/deployments/staging' already exists\n").ShouldBeOfType<StackAlreadyExistsException>();

    [Test]
    public void Cloud_conflict_is_a_concurrent_update() =>
        Classify("error: [409] Conflict: Another update is currently in progress.\n").ShouldBeOfType<ConcurrentUpdateException>().ExitCode.ShouldBe(ExitCodes.Locked);

    [Test]
    public void File_backend_lock_names_each_holder()
    {
        var error = Classify("""
            error: the stack is currently locked by 2 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.
              s3://state/.pulumi/locks/organization/deployments/staging/0c1e.json: created by ci@runner-1 (pid 17) at 2026-01-02T03:04:05Z
              s3://state/.pulumi/locks/organization/deployments/staging/9f2a.json: created by ana@laptop (pid 904) at 2026-01-02T03:10:00.123Z
            """).ShouldBeOfType<ConcurrentUpdateException>();

        error.Holders.Select(h => h.ToString()).ShouldBe(["ci@runner-1 (pid 17) since 2026-01-02 03:04:05Z", "ana@laptop (pid 904) since 2026-01-02 03:10:00Z"]);
        error.Message.ShouldStartWith("stack 'staging' is locked by ci@runner-1 (pid 17)");
    }

    [Test]
    public void Missing_passphrase_is_a_user_error_with_the_way_out() =>
        Classify("error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables\n")
            .ShouldBeOfType<MissingPassphraseException>().ShouldSatisfyAllConditions(
                e => e.ExitCode.ShouldBe(ExitCodes.UserError),
                e => e.Message.ShouldContain("PULUMI_CONFIG_PASSPHRASE"));

    [Test]
    public void Anything_else_keeps_the_cli_error_lines()
    {
        var error = Classify("Updating (staging):\n noise\nerror: an unhandled error occurred: boom\n  details\n", code: 1);

        error.GetType().ShouldBe(typeof(PulumiException));
        error.Message.ShouldBe("pulumi up --yes failed (exit code 1):\n  error: an unhandled error occurred: boom\n    details");
    }
}
