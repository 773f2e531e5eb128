namespace Deployments.Infra.Config;

/// <summary>Qualification of config keys: <c>key</c> → <c>project:key</c>; keys with a namespace stay as they are.</summary>
public static class ConfigKeys
{
    public static string Qualify(string key, string project) =>
        key.Contains(':', StringComparison.Ordinal) ? key : $"{project}:{key}";
}
