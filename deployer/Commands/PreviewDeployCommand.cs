using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Deployments.Deployer.Previews;

namespace Deployments.Deployer.Commands;

/// <summary><c>deployer preview deploy</c>: create or update a branch's preview and print its URL.</summary>
public sealed class PreviewDeployCommand : Command
{
    private readonly Option<string> _branch = CommonOptions.Branch(required: true);
    private readonly Option<string?> _imageTag = CommonOptions.ImageTag(required: true);
    private readonly Option<int?> _pr = new("--pr") { Description = "Pull request that owns the preview (recorded; another pull request's events cannot deploy into it or destroy it)" };
    private readonly Option<string?> _headRepo = CommonOptions.HeadRepository();
    private readonly Option<string> _parent = CommonOptions.Parent();
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly PulumiOptions _pulumi = new();
    private readonly ReleaseCommandOptions _release = new();

    public PreviewDeployCommand(CommandContext context) : base("deploy", "Create the branch's preview stack if missing, set its whole config, update it, print its URL")
    {
        Options.Add(_branch);
        Options.Add(_imageTag);
        Options.Add(_pr);
        Options.Add(_headRepo);
        Options.Add(_parent);
        Options.Add(_json);
        _pulumi.AddTo(this);
        _release.AddTo(this);
        SetAction(async (result, ct) =>
        {
            var request = PreviewInputs.Validate(result.GetValue(_branch)!, result.GetValue(_imageTag)!, result.GetValue(_pr), result.GetValue(_headRepo));
            var (workspace, _) = _pulumi.Open(result, context);
            var deployed = await new PreviewDeployer(workspace, context.Error, _release.Steps(result, workspace, context)).DeployAsync(request, StackArgument.Environment("--parent", result.GetValue(_parent)!).ToString(), ct);
            var changes = string.Join(", ", deployed.ResourceChanges.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));
            context.Error.WriteLine($"preview '{deployed.Stack}' {(deployed.Created ? "created" : "updated")}: {(changes.Length == 0 ? "no changes" : changes)} in {deployed.Duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s ({context.Stats.Invocations} pulumi calls)");
            context.Out.WriteLine(result.GetValue(_json)
                ? new JsonObject
                {
                    ["stack"] = deployed.Stack,
                    ["branch"] = deployed.Branch,
                    ["url"] = deployed.Url,
                    ["imageTag"] = deployed.ImageTag,
                    ["rulePriority"] = deployed.RulePriority,
                    ["resourceChanges"] = new JsonObject(deployed.ResourceChanges.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
                    ["created"] = deployed.Created,
                }.ToJsonString()
                : deployed.Url);
            return ExitCodes.Success;
        });
    }
}
