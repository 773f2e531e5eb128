namespace Deployments.Infra.Template;

/// <summary>The Pulumi YAML resource options we use (language reference, "Resource options").</summary>
public sealed record ResourceOptions
{
    public bool Protect { get; init; }
    public bool DeleteBeforeReplace { get; init; }
    public bool RetainOnDelete { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];
    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];
    /// <summary>Provider plugin version; the YAML host reads it to install the right plugin (https://www.pulumi.com/docs/iac/languages-sdks/yaml/yaml-language-reference/).</summary>
    public string? Version { get; init; }
    /// <summary>Explicit providers for component resources, by package name (e.g. <c>aws</c>).</summary>
    public IReadOnlyDictionary<string, string> Providers { get; init; } = new Dictionary<string, string>();
}
