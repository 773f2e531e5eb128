using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// The sweep's prune step passes <c>--clear-stale-lock M</c> with M at least the <c>timeout-minutes</c> of every job
/// that works on preview stacks (preview.yml's and the sweep's: a lock older than that cannot be a running job's) and at
/// most the sweep's own. The other workflows touch only the environments' stacks, which the sweep never locks.
/// </summary>
public static class SweepLockCheck
{
    public static void Verify(string workflowsDir)
    {
        var timeouts = new[] { "preview.yml", "sweep.yml" }.Select(f => Path.Combine(workflowsDir, f)).SelectMany(file =>
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) yaml.Load(reader);
            var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
            return jobs.Select(j => (File: Path.GetFileName(file), Minutes: ((YamlMappingNode)j.Value).Children.TryGetValue(new YamlScalarNode("timeout-minutes"), out var t)
                ? int.Parse(t.ToString(), CultureInfo.InvariantCulture) : 360));
        }).ToList();
        var sweep = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(workflowsDir, "sweep.yml"))) sweep.Load(reader);
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)sweep.Documents[0].RootNode)["jobs"])["prune"])["steps"];
        var prune = steps.OfType<YamlMappingNode>().Single(s => s.Children.TryGetValue(new YamlScalarNode("with"), out var w)
            && ((YamlMappingNode)w).Children.TryGetValue(new YamlScalarNode("command"), out var c) && c.ToString() == "preview-prune");
        var args = ((YamlMappingNode)prune["with"])["args"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var at = args.IndexOf("--clear-stale-lock");
        at.ShouldBeGreaterThanOrEqualTo(0, "sweep.yml's prune passes no --clear-stale-lock");
        var minutes = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        minutes.ShouldBeGreaterThanOrEqualTo(timeouts.Max(t => t.Minutes));
        minutes.ShouldBeLessThanOrEqualTo(timeouts.Single(t => t.File == "sweep.yml").Minutes);
    }
}
