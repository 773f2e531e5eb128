namespace Deployments.Infra.Tests.Policy;

/// <summary>One violation: which template, resource and type (as the policy saw it), which policy, and its message.</summary>
public sealed record AwsGuardViolation(string Template, string Resource, string Type, string Key, string Policy, string Message)
{
    public override string ToString() => $"{Template}/{Resource} ({Type}): {Policy} [{Key}]: {Message.ReplaceLineEndings(" ")}";
}
