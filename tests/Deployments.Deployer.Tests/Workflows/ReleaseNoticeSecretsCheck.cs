using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// The deploy workflow (ours and init's) hands the release notice what it needs and no step more than it needs: the
/// webhook secret and the job's token only on the release steps (env-deploy, env-promote), and <c>actions: read</c> so
/// that token can read who approved the run.
/// </summary>
public static class ReleaseNoticeSecretsCheck
{
    private static readonly string[] ReleaseCommands = ["env-deploy", "env-promote"];
    private static readonly Dictionary<string, string> NoticeVariables = new()
    {
        ["DEPLOYMENTS_NOTIFY_URL"] = "${{ secrets.DEPLOYMENTS_NOTIFY_URL }}",
        ["GITHUB_TOKEN"] = "${{ github.token }}",
    };

    public static void Verify(string deployWorkflow)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(deployWorkflow))) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        ((YamlMappingNode)root["permissions"]).Children[new YamlScalarNode("actions")].ToString().ShouldBe("read");
        var releaseSteps = 0;
        foreach (var job in ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>())
        {
            if (job.Children.TryGetValue(new YamlScalarNode("env"), out var jobEnv))
                ((YamlMappingNode)jobEnv).Children.Keys.Select(k => k.ToString()).ShouldNotContain(k => NoticeVariables.ContainsKey(k), "job-wide, every step would get it");
            foreach (var step in ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>())
            {
                var command = step.Children.TryGetValue(new YamlScalarNode("with"), out var with) && ((YamlMappingNode)with).Children.TryGetValue(new YamlScalarNode("command"), out var c) ? c.ToString() : null;
                var env = step.Children.TryGetValue(new YamlScalarNode("env"), out var e)
                    ? ((YamlMappingNode)e).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString()) : [];
                if (command is not null && ReleaseCommands.Contains(command))
                {
                    releaseSteps++;
                    foreach (var (name, value) in NoticeVariables) env.GetValueOrDefault(name).ShouldBe(value, $"{command}'s {name}");
                }
                else env.Keys.ShouldNotContain(k => NoticeVariables.ContainsKey(k), "a step that is not a release");
            }
        }
        releaseSteps.ShouldBe(2);
    }
}
