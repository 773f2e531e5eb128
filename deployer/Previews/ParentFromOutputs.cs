using System.Text.Json;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Previews;

/// <summary>Reads a parent environment from its stack outputs (the contract of infra's EnvironmentOutputs).</summary>
public static class ParentFromOutputs
{
    public static ParentInfo Read(string stack, IReadOnlyDictionary<string, JsonElement> values)
    {
        var outputs = new StackOutputs(stack, values, "--parent");
        var defaults = PreviewDefaultsOutput.Read(outputs.Object(OutputNames.PreviewDefaults));
        // `url` is the scheme and the environment's host (or its load balancer's DNS name): a name no preview may take.
        var host = Uri.TryCreate(outputs.Text(OutputNames.Url), UriKind.Absolute, out var url) ? url.Host : null;
        return new ParentInfo(stack, outputs.Text(OutputNames.AppName), outputs.Text(OutputNames.Region),
            outputs.Text(OutputNames.PreviewDomain), outputs.Text(OutputNames.UrlScheme), defaults)
        {
            Host = host,
            Shards = Shards.ShardMap.Read(stack, outputs, values),
        };
    }
}
