namespace Deployments.Infra.Config;

/// <summary>One invalid or missing config value: the fully qualified key and what is allowed.</summary>
public sealed record ConfigProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
