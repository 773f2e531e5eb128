using System.CommandLine;
using Deployments.Deployer.Cost;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Previews.Shards;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>deployer plan</c>: offline (no Pulumi CLI, no cloud), what a preview or an environment stack would be: its
/// name, URL, every AWS name, the resources it would own and an estimated monthly cost. The first command to run.
/// </summary>
public sealed class PlanCommand : Command
{
    private readonly Option<string> _branch = CommonOptions.Branch(required: false);
    private readonly Option<string?> _headRepo = CommonOptions.HeadRepository();
    private readonly Option<string?> _stack = new("--stack") { Description = "Environment stack to plan (instead of --branch)" };
    private readonly Option<string?> _imageTag = CommonOptions.ImageTag(required: false);
    private readonly Option<string> _parent = CommonOptions.Parent();
    private readonly Option<string?> _prices = new("--prices") { Description = "Price table to use instead of the built-in ones: one region's, whose region is the stack's, " + PriceTable.ShapeHint };
    private readonly Option<string?> _showPrices = new("--show-prices") { Description = "Print the built-in price table of this region (the shape --prices takes) and nothing else" };
    private readonly Option<string?> _projectDir = CommonOptions.ProjectDir();
    private readonly Option<bool> _json = CommonOptions.Json();

    public PlanCommand(CommandContext context) : base("plan", "Show a stack's names, URL, resources and estimated monthly cost, offline")
    {
        Options.Add(_branch);
        Options.Add(_headRepo);
        Options.Add(_stack);
        Options.Add(_imageTag);
        Options.Add(_parent);
        Options.Add(_prices);
        Options.Add(_showPrices);
        Options.Add(_projectDir);
        Options.Add(_json);
        SetAction(result =>
        {
            // An installed tool has no data folder beside it: this is how an operator gets a table to edit for --prices.
            if (result.GetValue(_showPrices) is { } region)
            {
                if (result.GetValue(_branch) is not null || result.GetValue(_stack) is not null)
                    throw new UserInputException("--show-prices prints a built-in price table and nothing else: pass it without --branch or --stack");
                // The region is not echoed: it is only ever one of the listed names or a mistake.
                context.Out.Write(PriceCatalog.BuiltInText(region)
                    ?? throw new UserInputException($"--show-prices: there is no built-in price table for that region; built-in: {string.Join(", ", PriceCatalog.BuiltIn().Regions)}"));
                return ExitCodes.Success;
            }
            var report = Plan(result, context);
            context.Out.Write(result.GetValue(_json) ? PlanRenderer.Json(report) : PlanRenderer.Text(report));
            return ExitCodes.Success;
        });
    }

    private PlanReport Plan(ParseResult result, CommandContext context)
    {
        var branch = result.GetValue(_branch);
        var stack = result.GetValue(_stack);
        if ((branch is null) == (stack is null))
            throw new UserInputException("pass exactly one of --branch BRANCH (plan a preview) or --stack STACK (plan an environment)");
        var directory = ProjectDirectory.Find(result.GetValue(_projectDir));
        var compilation = new StackCompilation(directory.Project, context.Stats);
        var pricesPath = result.GetValue(_prices);
        var estimator = new RegionalCostEstimator(pricesPath is null ? PriceCatalog.BuiltIn() : PriceCatalog.FromFile(pricesPath), new CostAssumptions());
        return branch is not null
            ? PlanPreview(compilation, directory.Path, branch, result.GetValue(_headRepo), result.GetValue(_imageTag), StackArgument.Environment("--parent", result.GetValue(_parent)!).ToString(), estimator)
            : PlanEnvironment(compilation, directory.Path, StackArgument.Environment("--stack", stack!).Name, estimator);
    }

    private static PlanReport PlanPreview(StackCompilation compilation, string directory, string branch, string? headRepository, string? imageTag, string parentStack, RegionalCostEstimator estimator)
    {
        var request = PreviewInputs.Validate(branch, imageTag ?? "latest", headRepository: headRepository);
        var (parent, _) = ParentFromStackFile.Read(compilation, directory, parentStack);
        PreviewInputs.RequirePreviewDomain(parent);
        var names = PreviewNames.For(parent.AppName, request.Source);
        PreviewInputs.RequireSafeHost(parent, names);
        // Offline, the shard is its first choice: where a new preview goes when that shard has room (plan cannot see the
        // backend, so neither how full the shards are nor the shard an existing preview keeps).
        var shard = ShardPlacement.FirstChoice(names.StackName, parent.Shards.Count);
        var config = PreviewConfigBuilder.Build(parent, request, RulePriorities.FirstChoice(names.StackName), shard);
        var (template, settings) = compilation.Preview(compilation.Source(config), names.StackName);
        return new PlanReport("preview", names.StackName, request.Branch, $"{parent.UrlScheme}://{names.HostLabel}.{parent.PreviewDomain}",
            [
                new("stack", names.StackName), new("host label", names.HostLabel), new("target group", names.TargetGroupName),
                new("service", names.ServiceName), new("task family", names.TaskFamily), new("migration task family", names.MigrationTaskFamily),
                new("log group", names.LogGroupName), new("execution role", names.ExecutionRoleName),
                new("task security group", names.TasksSecurityGroupName), new("database", names.DatabaseIdentifier),
                new("load balancer", LoadBalancer(parent, shard)),
            ],
            template.Resources.Select(r => new KeyValuePair<string, string>(r.Name, r.Type)).ToList(),
            estimator.Preview(settings)) { Schedule = settings.Schedule?.Describe() };
    }

    private static PlanReport PlanEnvironment(StackCompilation compilation, string directory, string stack, RegionalCostEstimator estimator)
    {
        var file = Path.Combine(directory, $"Pulumi.{stack}.yaml");
        if (!File.Exists(file)) throw new UserInputException($"--stack: no stack file Pulumi.{stack}.yaml in {directory}");
        var source = new ConfigSource();
        StackFileLoader.LoadInto(source, file, compilation.Project.Name);
        var (template, settings) = compilation.Environment(source, stack);
        var names = EnvironmentNames.For(settings.App.AppName, stack);
        var scheme = settings.CertificateArn is not null || settings.Dns?.PreviewDomain is not null ? "https" : "http";
        return new PlanReport("environment", stack, null, settings.Dns?.Host is string host ? $"{scheme}://{host}" : null,
            [
                new("cluster", names.ClusterName), new("load balancer", names.LoadBalancerName), new("target group", names.TargetGroupName),
                new("service", names.ServiceName), new("task family", names.TaskFamily), new("migration task family", names.MigrationTaskFamily),
                new("log group", names.LogGroupName), new("repository", names.RepositoryName), new("execution role", names.ExecutionRoleName),
                new("task role", names.TaskRoleName), new("preview task role", names.PreviewTaskRoleName), new("database", names.DatabaseIdentifier),
                .. CiRoles(settings.Ci, settings.App.AppName, stack),
            ],
            template.Resources.Select(r => new KeyValuePair<string, string>(r.Name, r.Type)).ToList(),
            estimator.Environment(settings)) { Schedule = settings.PreviewDefaults.Schedule?.Describe() };
    }

    /// <summary>Which of the parent's load balancers the preview would use, and how sure that is.</summary>
    private static string LoadBalancer(ParentInfo parent, int shard)
    {
        var environment = EnvironmentNames.For(parent.AppName, StackNames.Short(parent.Stack));
        if (parent.Shards.Count == 1) return $"{environment.LoadBalancerName} (the environment's own, its only one)";
        var name = shard == 0 ? environment.LoadBalancerName : ShardNames.For(environment).LoadBalancerName(shard);
        return $"{name} (shard {shard} of {parent.Shards.Count}, its first choice: a new preview goes there while it has room, else to the next shard with room; "
            + "an existing preview keeps its own shard, which plan, offline, cannot see)";
    }

    /// <summary>The CI roles the stack creates (config <c>ci</c>): the deploy, review and drift roles, and the preview role unless it hosts no previews.</summary>
    private static IEnumerable<KeyValuePair<string, string>> CiRoles(CiSettings? ci, string appName, string stack)
    {
        if (ci is null) yield break;
        var names = CiNames.For(appName, stack);
        yield return new("CI deploy role", names.DeployRoleName);
        yield return new("CI review role", names.ReviewRoleName);
        yield return new("CI drift role", names.DriftRoleName);
        if (ci.Previews) yield return new("CI preview role", names.PreviewRoleName);
    }
}
