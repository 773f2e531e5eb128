using Deployments.Deployer.Environments;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>Old task-definition revisions are deregistered over the real ECS client against the fake ECS server (signatures verified).</summary>
public class RevisionPrunerTests
{
    private const string Repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-staging";
    private const string App = "app-staging";
    private const string Migrate = "app-staging-migrate";

    private static (IReadOnlyList<string> Removed, string Output) Prune(FakeAwsServer server, int keep, IReadOnlySet<string> inUse, string? rollbackImage)
    {
        var output = new StringWriter();
        using var aws = server.Clients(new VirtualClock());
        var removed = new RevisionPruner(aws.Ecs, output).PruneAsync([App, Migrate], keep, inUse, rollbackImage, CancellationToken.None).GetAwaiter().GetResult();
        return (removed, output.ToString());
    }

    private static List<int> Active(FakeAwsServer server, string family) =>
        server.Scenario.TaskDefinitions.Where(t => t.Family == family && t.Status == "ACTIVE").Select(t => t.Revision).Order().ToList();

    private static FakeAwsScenario Revisions(int count) => new()
    {
        TaskDefinitions = [.. FakeTaskDefinition.Revisions(App, count, r => $"{Repository}:0.{r}.0"), .. FakeTaskDefinition.Revisions(Migrate, count, r => $"{Repository}:0.{r}.0")],
    };

    [Test]
    public void Of_12_revisions_the_newest_10_per_family_are_kept()
    {
        using var server = new FakeAwsServer(Revisions(12));

        var (removed, output) = Prune(server, 10, new HashSet<string> { $"arn:aws:ecs:eu-west-1:123456789012:task-definition/{App}:12" }, $"{Repository}:0.11.0");

        removed.Count.ShouldBe(4, output);
        Active(server, App).ShouldBe(Enumerable.Range(3, 10));
        Active(server, Migrate).ShouldBe(Enumerable.Range(3, 10));
        var list = server.Calls.Where(c => c.Target.EndsWith(".ListTaskDefinitions", StringComparison.Ordinal)).Select(c => c.Body).ToList();
        list.ShouldAllBe(b => b["status"]!.GetValue<string>() == "ACTIVE" && b["sort"]!.GetValue<string>() == "DESC");
        list.Count.ShouldBe(6); // 12 ARNs a family in pages of 5: the nextToken was followed
        output.ShouldContain("deregistered 4 task definition revision(s) beyond the newest 10 per family");
    }

    [Test]
    public void The_revision_in_use_and_the_rollback_target_survive_even_when_old()
    {
        using var server = new FakeAwsServer(Revisions(13));
        var inUse = new HashSet<string> { $"arn:aws:ecs:eu-west-1:123456789012:task-definition/{App}:1" };

        var (_, output) = Prune(server, 10, inUse, $"{Repository}:0.2.0");

        Active(server, App).ShouldBe([1, 2, .. Enumerable.Range(4, 10)], output);
        Active(server, Migrate).ShouldBe([2, .. Enumerable.Range(4, 10)], output); // its revision 1 runs no deployment
        output.ShouldContain($"task-definition/{App}:2: it runs {Repository}:0.2.0, the rollback target");
    }

    [Test]
    public void A_failing_deregister_is_a_warning_and_the_others_still_go()
    {
        var scenario = Revisions(12);
        scenario.DeregisterFailures.Add($"arn:aws:ecs:eu-west-1:123456789012:task-definition/{App}:1");
        using var server = new FakeAwsServer(scenario);

        var (removed, output) = Prune(server, 10, new HashSet<string>(), null);

        output.ShouldContain($"warning: could not deregister arn:aws:ecs:eu-west-1:123456789012:task-definition/{App}:1: ECS DeregisterTaskDefinition failed: ClientException: injected failure");
        removed.Count.ShouldBe(3);
        Active(server, App).ShouldBe([1, .. Enumerable.Range(3, 10)]);
    }
}
