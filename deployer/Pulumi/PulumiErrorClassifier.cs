using System.Text.RegularExpressions;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Turns a failed invocation into a typed error, in one place, matching stderr the way Automation API does and in
/// its order (https://github.com/pulumi/pulumi-dotnet/blob/main/sdk/Pulumi.Automation/Commands/Exceptions/CommandException.cs): stack not found, already exists, concurrent update (Cloud 409, file-backend lock),
/// then passphrase problems, then AWS's load-balancing quotas (<see cref="LoadBalancerQuota"/>); anything else is a generic failure carrying the CLI's own error lines.
/// </summary>
public static partial class PulumiErrorClassifier
{
    [GeneratedRegex("no stack named.*found")]
    private static partial Regex NotFound();

    [GeneratedRegex("stack.*already exists")]
    private static partial Regex AlreadyExists();

    public static PulumiException Classify(CommandResult result, string? stack)
    {
        var stderr = result.StdErr;
        var name = stack ?? "?";
        if (NotFound().IsMatch(stderr)) return new StackNotFoundException(name, result);
        if (AlreadyExists().IsMatch(stderr)) return new StackAlreadyExistsException(name, result);
        if (stderr.Contains("[409] Conflict: Another update is currently in progress.", StringComparison.Ordinal))
            return new ConcurrentUpdateException(name, [], result);
        if (stderr.Contains("the stack is currently locked by", StringComparison.Ordinal))
            return new ConcurrentUpdateException(name, LockHolder.Parse(stderr), result);
        if (stderr.Contains("passphrase must be set with PULUMI_CONFIG_PASSPHRASE", StringComparison.Ordinal))
            return new MissingPassphraseException("the stack's secrets need a passphrase: set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE", result);
        if (stderr.Contains("incorrect passphrase", StringComparison.Ordinal))
            return new MissingPassphraseException("PULUMI_CONFIG_PASSPHRASE does not match the one the stack was created with", result);
        // Inside an update, AWS's load-balancing quotas (a full load balancer, or the region's target groups).
        if (LoadBalancerQuota.Find(stderr) is { } quota)
            return new LoadBalancerQuotaException(quota, $"AWS refused a resource of '{name}' ({quota.Code}): {quota.What}. The update stopped part-way "
                + $"(for a preview, preview destroy removes what it made). What to do: {quota.Advice}{ErrorLines(stderr)}", result);
        return new PulumiException($"pulumi {string.Join(' ', result.Args.Take(2))} failed (exit code {result.ExitCode}){ErrorLines(stderr)}", result);
    }

    /// <summary>The CLI's <c>error:</c> lines (and what follows them), bounded: the part an operator needs.</summary>
    private static string ErrorLines(string stderr)
    {
        var lines = stderr.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var first = lines.FindIndex(l => l.StartsWith("error:", StringComparison.Ordinal));
        var shown = (first >= 0 ? lines.Skip(first) : lines.TakeLast(5)).Take(20).ToList();
        return shown.Count == 0 ? "" : ":\n  " + string.Join("\n  ", shown);
    }
}
