using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Pulumi.Models;

/// <summary>The one place the CLI's JSON is read, and the conversion of wire shapes into domain records.</summary>
internal static class PulumiJson
{
    public static T Parse<T>(CommandResult result, JsonTypeInfo<T> type)
    {
        try { return JsonSerializer.Deserialize(result.StdOut, type) ?? throw new JsonException("empty output"); }
        catch (JsonException e)
        {
            throw new DeploymentFailedException($"pulumi {string.Join(' ', result.Args.Take(2))} printed JSON the deployer cannot read ({e.Message}); is the Pulumi CLI older than 3.211?");
        }
    }

    public static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public static StackSummary ToDomain(StackSummaryModel m) => new(m.Name, Time(m.LastUpdate), m.ResourceCount);

    public static UpdateRecord ToDomain(UpdateInfoModel m) => new(
        m.Version, m.Kind, m.Result ?? "", Time(m.StartTime), Time(m.EndTime), m.Message ?? "",
        (m.Config ?? []).ToDictionary(c => c.Key, c => c.Value.Secret ? null : c.Value.Value, StringComparer.Ordinal),
        m.ResourceChanges ?? []);
}
