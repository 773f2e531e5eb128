using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Aws.Logs;

/// <summary>GetLogEvents over <see cref="AwsJsonClient"/> (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html).</summary>
public sealed class LogsClient(AwsJsonClient client)
{
    public int Calls => client.Calls;

    /// <summary>One page forward from <paramref name="nextToken"/> (or the head); a missing stream is an empty page.</summary>
    public async Task<(IReadOnlyList<LogEvent> Events, string? NextForwardToken)> GetLogEventsAsync(string group, string stream, string? nextToken, CancellationToken ct)
    {
        var request = new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream, ["startFromHead"] = true };
        if (nextToken is not null) request["nextToken"] = nextToken;
        JsonElement response;
        try { response = await client.CallAsync("GetLogEvents", request, ct); }
        catch (AwsException e) when (e.Code == "ResourceNotFoundException") { return ([], nextToken); }
        var events = response.TryGetProperty("events", out var list)
            ? list.EnumerateArray().Select(e => new LogEvent(e.GetProperty("timestamp").GetInt64(), e.GetProperty("message").GetString() ?? "")).ToList()
            : [];
        return (events, response.TryGetProperty("nextForwardToken", out var token) ? token.GetString() : nextToken);
    }
}
