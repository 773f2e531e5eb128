using Deployments.Deployer.Previews.Shards;

namespace Deployments.Deployer.Tests.Previews.Shards;

/// <summary>Placement of a new preview on the parent's load balancers: deterministic, the next with room, refused when full.</summary>
public class ShardPlacementTests
{
    private static readonly ShardMap ThreeShards = new(250, [99, 100, 100]);

    /// <summary>Places <paramref name="stack"/> given each shard's count, recording which shards were asked about.</summary>
    private static int Place(string stack, string parent, ShardMap map, int[] perShard, int total, List<int>? asked = null) =>
        ShardPlacement.PlaceAsync(stack, parent, map, total, shard => { asked?.Add(shard); return Task.FromResult(perShard[shard]); }).GetAwaiter().GetResult().Shard;

    private static string StackWithFirstChoice(int shard, int shards) =>
        Enumerable.Range(0, 1000).Select(i => $"preview-b{i}").First(s => ShardPlacement.FirstChoice(s, shards) == shard);

    [Test]
    public void The_first_choice_is_a_hash_of_the_stack_name_the_same_every_time()
    {
        var choices = Enumerable.Range(0, 300).Select(i => ShardPlacement.FirstChoice($"preview-b{i}", 3)).ToList();

        choices.ShouldBe(Enumerable.Range(0, 300).Select(i => ShardPlacement.FirstChoice($"preview-b{i}", 3)).ToList());
        choices.Distinct().Order().ShouldBe([0, 1, 2]);
        ShardPlacement.FirstChoice("preview-feature-login-df7c7aeb", 3).ShouldBe(ShardPlacement.FirstChoice("preview-feature-login-df7c7aeb", 3));
    }

    [Test]
    public void A_first_choice_with_room_is_taken()
    {
        var stack = StackWithFirstChoice(1, 3);

        Place(stack, "staging", ThreeShards, [99, 99, 0], 198).ShouldBe(1);
    }

    [Test]
    public void Only_the_shards_up_to_the_first_with_room_are_asked_about_the_first_choice_first()
    {
        var stack = StackWithFirstChoice(1, 3);
        var asked = new List<int>();

        Place(stack, "staging", ThreeShards, [10, 100, 20], 130, asked).ShouldBe(2);

        asked.ShouldBe([1, 2]);
    }

    [Test]
    public void Reaching_the_capacity_is_refused_without_asking_about_any_shard()
    {
        var asked = new List<int>();

        Should.Throw<PreviewCapacityFullException>(() => Place("preview-x", "staging", ThreeShards, [99, 100, 50], 250, asked));

        asked.ShouldBeEmpty();
    }

    [Test]
    public void A_full_first_choice_moves_to_the_next_shard_with_room_wrapping_around()
    {
        var stack = StackWithFirstChoice(2, 3);

        Place(stack, "staging", ThreeShards, [50, 100, 100], 250 - 1).ShouldBe(0);
        Place(stack, "staging", ThreeShards, [99, 3, 100], 202).ShouldBe(1);
    }

    [Test]
    public void Every_shard_full_is_refused_naming_the_capacity_and_the_key()
    {
        var error = Should.Throw<PreviewCapacityFullException>(() =>
            Place("preview-x", "staging", new ShardMap(300, [99, 100, 100]), [99, 100, 100], 299));

        error.ExitCode.ShouldBe(ExitCodes.PreviewCapacityFull);
        error.Message.ShouldContain("environment 'staging' already runs 299 preview(s) and its previewCapacity is 300");
        error.Message.ShouldContain("Raise 'previewCapacity' in Pulumi.staging.yaml (1-2999)");
        error.Message.ShouldContain("nothing was created");
    }

    [Test]
    public void Reaching_the_capacity_is_refused_even_with_room_on_a_shard()
    {
        var error = Should.Throw<PreviewCapacityFullException>(() =>
            Place("preview-x", "org/shop/staging", new ShardMap(120, [99, 100]), [99, 21], 120));

        error.Message.ShouldContain("its previewCapacity is 120");
        error.Message.ShouldContain("Pulumi.staging.yaml");
    }
}
