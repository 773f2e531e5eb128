using System.Text.Json;
using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary><see cref="NotifySettings"/> as an environment's <c>notify</c> output: the kind and the variable's name, never a URL.</summary>
public static class NotifyOutput
{
    public const string Kind = "kind", UrlEnv = "urlEnv";

    public static Props Render(NotifySettings settings) => new() { [Kind] = settings.Kind, [UrlEnv] = settings.UrlVariable };

    public static NotifySettings? Read(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(Kind, out var kind) && v.TryGetProperty(UrlEnv, out var name)
            && kind.GetString() is { } k && name.GetString() is { Length: > 0 } n
            ? new NotifySettings(k, n)
            : null;
}
