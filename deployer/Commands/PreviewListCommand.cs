using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Deployments.Deployer.Previews;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer preview list</c>: every preview stack with its branch, URL, image, last update and result.</summary>
public sealed class PreviewListCommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly PulumiOptions _pulumi = new();
    private readonly ParallelOption _parallel = new(PreviewCatalog.DefaultParallel, "previews' history to read");

    public PreviewListCommand(CommandContext context) : base("list", "List the preview stacks")
    {
        Options.Add(_json);
        Options.Add(_parallel.Option);
        _pulumi.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var parallel = _parallel.Read(result);
            var (workspace, _) = _pulumi.Open(result, context, readOnly: true);
            var previews = await new PreviewCatalog(workspace, parallel).ListAsync(ct);
            if (result.GetValue(_json))
            {
                context.Out.WriteLine(new JsonArray(previews.Select(p => (JsonNode?)new JsonObject
                {
                    ["stack"] = p.Stack,
                    ["branch"] = p.Branch,
                    ["url"] = p.Url,
                    ["imageTag"] = p.ImageTag,
                    ["lastUpdate"] = p.LastUpdate?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["result"] = p.Result,
                }).ToArray()).ToJsonString());
                return ExitCodes.Success;
            }
            if (previews.Count == 0) context.Error.WriteLine("no previews");
            foreach (var p in previews)
                context.Out.WriteLine(string.Join("  ", p.Stack, p.Branch ?? "-", p.Url ?? "-", p.ImageTag ?? "-",
                    p.LastUpdate?.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "never", p.Result ?? "-"));
            return ExitCodes.Success;
        });
    }
}
