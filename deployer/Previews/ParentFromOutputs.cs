using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>Reads a parent environment from its stack outputs (the contract of infra's EnvironmentOutputs).</summary>
public static class ParentFromOutputs
{
    public static ParentInfo Read(string stack, IReadOnlyDictionary<string, JsonElement> outputs)
    {
        string Text(string key) => outputs.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new UserInputException($"--parent: stack '{stack}' has no '{key}' output; is it an environment stack of this project, deployed with this version?");
        if (!outputs.TryGetValue("previewDefaults", out var d) || d.ValueKind != JsonValueKind.Object)
            throw new UserInputException($"--parent: stack '{stack}' has no 'previewDefaults' output; deploy the environment with this version first");
        var defaults = new PreviewDefaults(
            d.GetProperty("cpu").GetInt32(),
            d.GetProperty("memory").GetInt32(),
            d.GetProperty("spot").GetBoolean(),
            d.GetProperty("logRetentionDays").GetInt32(),
            d.GetProperty("containerPort").GetInt32(),
            d.GetProperty("healthCheckPath").GetString()!,
            d.GetProperty("healthCheckGraceSeconds").GetInt32(),
            d.GetProperty("migrationCommand").EnumerateArray().Select(e => e.GetString()!).ToList(),
            d.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            d.GetProperty("secrets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            d.GetProperty("databaseStrategy").GetString()!);
        return new ParentInfo(stack, $"organization/{ProjectDirectory.ProjectName}/{stack}", Text("appName"), Text("region"),
            Text("previewDomain"), Text("urlScheme"), defaults);
    }
}
