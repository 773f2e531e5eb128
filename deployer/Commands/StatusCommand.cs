using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer status [--stack S]</c>: every stack with its last update, or one stack's last update and outputs.</summary>
public sealed class StatusCommand : Command
{
    private readonly Option<string?> _stack = new("--stack") { Description = "One stack to show in detail" };
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly PulumiOptions _pulumi = new();

    public StatusCommand(CommandContext context) : base("status", "Show the stacks and their last updates")
    {
        Options.Add(_stack);
        Options.Add(_json);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var given = result.GetValue(_stack) is string text ? StackArgument.Parse("--stack", text).ToString() : null;
            var (workspace, _) = _pulumi.Open(result, context, readOnly: true);
            var json = result.GetValue(_json);
            if (given is not string stack)
            {
                var stacks = await workspace.ListStacksAsync(ct);
                if (json) context.Out.WriteLine(new JsonArray(stacks.Select(s => (JsonNode?)new JsonObject { ["stack"] = StackNames.Short(s.Name), ["lastUpdate"] = Time(s.LastUpdate), ["resources"] = s.ResourceCount }).ToArray()).ToJsonString());
                else foreach (var s in stacks) context.Out.WriteLine($"{StackNames.Short(s.Name)}  {Time(s.LastUpdate) ?? "never updated"}  {s.ResourceCount?.ToString(CultureInfo.InvariantCulture) ?? "-"} resources");
                return ExitCodes.Success;
            }
            var last = (await workspace.NumberedHistoryAsync(stack, 1, ct)).FirstOrDefault();
            var outputs = await workspace.OutputsAsync(stack, ct);
            var url = outputs.TryGetValue(OutputNames.Url, out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var image = last?.Config.GetValueOrDefault(workspace.Project.Key(Environments.ReleaseConfig.ImageTag));
            if (json)
                context.Out.WriteLine(new JsonObject { ["stack"] = stack, ["url"] = url, ["imageTag"] = image, ["version"] = last?.Version, ["kind"] = last?.Kind, ["result"] = last?.Result, ["endTime"] = Time(last?.EndTime) }.ToJsonString());
            else
                context.Out.WriteLine($"{stack}: {url ?? "no url"}; image {image ?? "-"}; last {last?.Kind ?? "update"}{(last is null ? "" : $" {last.Version}")} {last?.Result ?? "never ran"} {Time(last?.EndTime)}".TrimEnd());
            return ExitCodes.Success;
        });
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
