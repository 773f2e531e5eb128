namespace Deployments.Infra.Stacks;

/// <summary>One container of a task definition, before rendering.</summary>
public sealed record ContainerSpec
{
    public required string Name { get; init; }
    public required object Image { get; init; }
    public IReadOnlyList<string> Command { get; init; } = [];
    public int? Port { get; init; }
    public IReadOnlyDictionary<string, object> Environment { get; init; } = new Dictionary<string, object>();
    /// <summary>Variable name → ARN (with an optional <c>:json-key::</c> suffix); ECS resolves them at task start.</summary>
    public IReadOnlyDictionary<string, object> Secrets { get; init; } = new Dictionary<string, object>();
    public required object LogGroup { get; init; }
    public required string Region { get; init; }
    public required string StreamPrefix { get; init; }
    public IReadOnlyList<string> HealthCheckCommand { get; init; } = [];
    /// <summary>Containers this one waits for to be HEALTHY (the sidecar database).</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];
}
