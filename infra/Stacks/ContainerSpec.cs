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
    /// <summary>What this container waits for before it starts (the sidecar database HEALTHY, the in-task migration SUCCESS).</summary>
    public IReadOnlyList<ContainerDependency> DependsOn { get; init; } = [];
    /// <summary>
    /// An essential container's exit stops the task; a non-essential one (the in-task migration) may exit, and the
    /// containers depending on it decide by its exit code.
    /// </summary>
    public bool Essential { get; init; } = true;
}
