using System.Text.Json;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Previews;

/// <summary>Reads a parent environment from its stack outputs (the contract of infra's EnvironmentOutputs).</summary>
public static class ParentFromOutputs
{
    public static ParentInfo Read(string stack, IReadOnlyDictionary<string, JsonElement> values)
    {
        var outputs = new StackOutputs(stack, values, "--parent");
        var d = outputs.Object(OutputNames.PreviewDefaults);
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
            d.GetProperty("databaseStrategy").GetString()!) { TaskEgress = Egress(d) };
        // `url` is the scheme and the environment's host (or its load balancer's DNS name): a name no preview may take.
        var host = Uri.TryCreate(outputs.Text(OutputNames.Url), UriKind.Absolute, out var url) ? url.Host : null;
        return new ParentInfo(stack, outputs.Text(OutputNames.AppName), outputs.Text(OutputNames.Region),
            outputs.Text(OutputNames.PreviewDomain), outputs.Text(OutputNames.UrlScheme), defaults) { Host = host };
    }

    /// <summary>Parents deployed before task egress was configurable have no such members: their previews get the restricted default.</summary>
    private static EgressSettings Egress(JsonElement d)
    {
        var open = d.TryGetProperty(PostureKeys.TaskEgressOpen, out var o) && o.ValueKind == JsonValueKind.True;
        var rules = d.TryGetProperty(PostureKeys.TaskEgressRules, out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => EgressRule.TryParse(e.GetString() ?? "", out var rule) ? rule : null).OfType<EgressRule>().ToList()
            : [];
        return new EgressSettings(open, rules);
    }
}
