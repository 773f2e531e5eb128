using Deployments.Deployer.Previews;
using Deployments.Deployer.Previews.Shards;
using Deployments.Deployer.Tests.GitHub;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>
/// Previews found through their stack tags (issue 9): a new preview's placement and a deleted fork's close cost a few
/// <c>stack ls --tag</c> calls whatever the number of previews, counted in the fake pulumi's call log; previews deployed
/// before tags (seeded untagged) are still counted, from their history; a tag only says where to look, the recorded
/// owner decides.
/// </summary>
[NonParallelizable]
public class PreviewTagTests
{
    private static readonly string ForkStack = "preview-stranger-hello-world-changes-" + NameHash.Of("stranger/hello-world:changes");

    private static void Seed(FakeCloud cloud, string prefix, int shard, int count, bool tagged) =>
        Enumerable.Range(0, count).ToList().ForEach(i =>
            PreviewSeed.WriteOnShard(cloud, $"{prefix}-{shard}-{i:000}", ShardedStaging.ListenerArn(cloud, shard), shard, 30000 + shard * 1000 + i, tagged: tagged));

    private static string BranchWithFirstChoice(int shard, int shards) =>
        Enumerable.Range(0, 2000).Select(i => $"feature/tag-{i}").First(b => ShardPlacement.FirstChoice(PreviewNames.For("shop", b).StackName, shards) == shard);

    /// <summary>The first two words of each call after <paramref name="from"/>, with <c>stack ls --tag</c> told apart.</summary>
    private static List<string> CallsSince(FakeCloud cloud, int from) => cloud.Calls.Skip(from).Select(c =>
    {
        var words = c.Split(' ');
        return words is ["stack", "ls", ..] ? string.Join(' ', words.TakeWhile(w => w != "--non-interactive"))
            : words is ["stack", "tag", ..] ? string.Join(' ', words.Take(3)) : string.Join(' ', words.Take(2));
    }).ToList();

    private static DeployerRun.Result Event(FakeCloud cloud, string payload, params string[] extra)
    {
        cloud.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        cloud.Environment["GITHUB_EVENT_PATH"] = payload;
        return cloud.Deployer(["github", "event", "--no-verify", .. extra]);
    }

    private static string ForkOpened(int number) => Payloads.Crafted("pull_request.opened.payload", p =>
    {
        p["number"] = number;
        p["pull_request"]!["number"] = number;
        p["pull_request"]!["head"]!["repo"]!["full_name"] = "stranger/Hello-World";
    });

    private static string DeletedForkClosed(int number) => Payloads.Crafted("pull_request.closed.payload", p =>
    {
        p["number"] = number;
        p["pull_request"]!["number"] = number;
        p["pull_request"]!["head"]!["repo"] = null;
    });

    [TestCase(false)]
    [TestCase(true)]
    public void A_new_preview_among_many_is_placed_with_a_few_tag_queries_not_a_history_read_per_preview(bool pulumiCloud)
    {
        // Arrange: 3 shards (capacity 250); 129 tagged previews, the new one's first choice (the environment's ALB) full;
        // on a DIY backend, or on Pulumi Cloud (stacks listed as org/project/stack)
        using var cloud = new FakeCloud();
        if (pulumiCloud) cloud.AsPulumiCloud("acme");
        ShardedStaging.Deploy(cloud, 250);
        Seed(cloud, "seed", 0, 99, tagged: true);
        Seed(cloud, "seed", 1, 30, tagged: true);
        var branch = BranchWithFirstChoice(0, 3);
        var stack = PreviewNames.For("shop", branch).StackName;
        var before = cloud.Calls.Count;

        // Act
        var deployed = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", branch, "--image-tag", "3f9a2c1");

        // Assert: placed on shard 1 with the counts right; no history read; one tag query per question
        deployed.ExitCode.ShouldBe(0, deployed.StdErr);
        deployed.StdErr.ShouldContain($"preview '{stack}' goes on load balancer shard 1 of 'staging' (30 of its 100 places taken; 129 of 250 previews in all)");
        var calls = CallsSince(cloud, before);
        calls.ShouldNotContain("stack history");
        calls.Where(c => c.StartsWith("stack ls", StringComparison.Ordinal)).ShouldBe([
            "stack ls --json",
            $"stack ls --json --tag {PreviewTags.Parent}",
            $"stack ls --json --tag {PreviewTags.Parent}=staging",
            $"stack ls --json --tag {PreviewTags.LoadBalancer}=staging.0",
            $"stack ls --json --tag {PreviewTags.LoadBalancer}=staging.1",
        ]);
        calls.Count.ShouldBeLessThan(20, string.Join("\n", calls));
        // Tagged before its update, and kept: its parent and its shard (no pull request: an operator's deploy)
        PreviewSeed.Tags(cloud, stack)!.ToJsonString().ShouldBe($"{{\"{PreviewTags.LoadBalancer}\":\"staging.1\",\"{PreviewTags.Parent}\":\"staging\"}}");
        calls.IndexOf("stack tag set").ShouldBeLessThan(calls.IndexOf("up --yes"));
    }

    [Test]
    public void Previews_deployed_before_tags_are_still_counted_and_a_full_capacity_of_them_is_refused_with_nothing_created()
    {
        // Arrange: the default layout (the environment's ALB, 99 previews): 60 tagged and 39 untagged, full
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, null);
        Seed(cloud, "new", 0, 60, tagged: true);
        Seed(cloud, "old", 0, 39, tagged: false);
        var before = cloud.Calls.Count;

        // Act
        var refused = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/one-too-many", "--image-tag", "1");

        // Assert: exit 8; only the untagged previews' histories were read; no stack, tag, config or update
        refused.ExitCode.ShouldBe(ExitCodes.PreviewCapacityFull, refused.StdErr);
        refused.StdErr.ShouldContain("environment 'staging' already runs 99 preview(s) and its previewCapacity is 99");
        var calls = CallsSince(cloud, before);
        calls.Count(c => c == "stack history").ShouldBe(39);
        calls.ShouldNotContain("stack init");
        calls.ShouldNotContain(c => c.StartsWith("stack tag", StringComparison.Ordinal) || c.StartsWith("config", StringComparison.Ordinal) || c.StartsWith("up", StringComparison.Ordinal));
        cloud.Pulumi("stack", "ls", "--json").Out.ShouldNotContain(PreviewNames.For("shop", "feature/one-too-many").StackName);
    }

    [Test]
    public void A_deploy_in_flight_already_counts_on_its_shard()
    {
        // Arrange: 98 tagged previews and one created and tagged whose first update has not finished (never updated)
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, null);
        Seed(cloud, "seed", 0, 98, tagged: true);
        cloud.Pulumi("stack", "init", "preview-in-flight", "--non-interactive").Code.ShouldBe(0);
        PreviewSeed.Tag(cloud, "preview-in-flight", PreviewTags.For("staging", 0, 4));

        // Act
        var refused = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/one-too-many", "--image-tag", "1");

        // Assert
        refused.ExitCode.ShouldBe(ExitCodes.PreviewCapacityFull, refused.StdErr);
        refused.StdErr.ShouldContain("already runs 99 preview(s)");
    }

    [Test]
    public void A_redeploy_reads_its_tags_once_and_sets_none()
    {
        // Arrange: a pull request's preview, deployed once: tagged with its owner too
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, null);
        cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/again", "--pr", "12", "--image-tag", "1").ExitCode.ShouldBe(0);
        var stack = PreviewNames.For("shop", "feature/again").StackName;
        PreviewSeed.Tags(cloud, stack)![PreviewTags.PullRequest]!.GetValue<string>().ShouldBe("12");
        var before = cloud.Calls.Count;

        // Act
        var again = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/again", "--pr", "12", "--image-tag", "2");

        // Assert
        again.ExitCode.ShouldBe(0, again.StdErr);
        var calls = CallsSince(cloud, before);
        calls.Count(c => c == "stack tag ls").ShouldBe(1);
        calls.ShouldNotContain("stack tag set");
        PreviewSeed.Tags(cloud, stack)!.ToJsonString().ShouldBe($"{{\"{PreviewTags.LoadBalancer}\":\"staging.0\",\"{PreviewTags.Parent}\":\"staging\",\"{PreviewTags.PullRequest}\":\"12\"}}");
    }

    [Test]
    public void A_deleted_forks_close_finds_its_preview_through_its_tag_and_reads_only_the_untagged_others()
    {
        // Arrange: a fork's #5 is up among 40 tagged previews of others and 3 untagged ones; then the fork is deleted
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, 250);
        Seed(cloud, "tagged", 1, 40, tagged: true);
        Seed(cloud, "old", 2, 3, tagged: false);
        Event(cloud, ForkOpened(5), "--allow-forks").ExitCode.ShouldBe(0);
        PreviewSeed.Tags(cloud, ForkStack)![PreviewTags.PullRequest]!.GetValue<string>().ShouldBe("5");
        File.Delete(Path.Combine(cloud.Project, $"Pulumi.{ForkStack}.yaml"));
        var before = cloud.Calls.Count;

        // Act
        var close = Event(cloud, DeletedForkClosed(5));

        // Assert: destroyed; the histories read are the candidate's and the 3 untagged ones, and the destroy's own check
        close.ExitCode.ShouldBe(0, close.StdErr);
        close.StdOut.Trim().ShouldBe($"destroyed {ForkStack}");
        var calls = CallsSince(cloud, before);
        calls.Count(c => c == "stack history").ShouldBe(1 + 3 + 1, string.Join("\n", calls));
        calls.ShouldContain($"stack ls --json --tag {PreviewTags.PullRequest}=5");
        PreviewSeed.Tags(cloud, ForkStack).ShouldBeNull();
    }

    [Test]
    public void A_tag_naming_a_pull_request_that_the_record_does_not_is_not_believed()
    {
        // Arrange: the fork's #5 is up; this repository's #2 is up too, and someone tags #2's preview as #7's and #5's
        using var cloud = new FakeCloud();
        ShardedStaging.Deploy(cloud, null);
        Event(cloud, ForkOpened(5), "--allow-forks").ExitCode.ShouldBe(0);
        Event(cloud, Payloads.Crafted("pull_request.opened.payload", p => { p["number"] = 2; p["pull_request"]!["number"] = 2; })).ExitCode.ShouldBe(0);
        cloud.Pulumi("stack", "tag", "set", PreviewTags.PullRequest, "7", "--stack", "preview-changes", "--non-interactive").Code.ShouldBe(0);

        // Act
        var seven = Event(cloud, DeletedForkClosed(7));
        cloud.Pulumi("stack", "tag", "set", PreviewTags.PullRequest, "5", "--stack", "preview-changes", "--non-interactive").Code.ShouldBe(0);
        var five = Event(cloud, DeletedForkClosed(5));

        // Assert: #7 has nothing recorded, so nothing goes; #5's close destroys only its own fork preview
        seven.ExitCode.ShouldBe(0, seven.StdErr);
        seven.StdOut.Trim().ShouldBe("nothing to destroy: no fork preview is recorded as #7's");
        five.ExitCode.ShouldBe(0, five.StdErr);
        five.StdOut.Trim().ShouldBe($"destroyed {ForkStack}");
        var left = cloud.Deployer("preview", "list", "--json").StdOut;
        left.ShouldContain("\"stack\":\"preview-changes\"");
        left.ShouldNotContain(ForkStack);
    }
}
