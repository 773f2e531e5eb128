namespace Deployments.Deployer.Pulumi;

/// <summary>The stack's secrets provider needs a passphrase that is not set (or is wrong).</summary>
public sealed class MissingPassphraseException(string message, CommandResult result) : PulumiException(message, result)
{
    public override int ExitCode => ExitCodes.UserError;
}
