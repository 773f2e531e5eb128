using Deployments.Deployer.Previews;

namespace Deployments.Deployer.Tests.Pulumi;

public class RulePrioritiesTests
{
    [Test]
    public void First_choice_is_stable_and_within_the_preview_range()
    {
        for (var i = 0; i < 5000; i++)
        {
            var p = RulePriorities.FirstChoice($"preview-{i}");
            p.ShouldBeInRange(1, 49998);
            RulePriorities.FirstChoice($"preview-{i}").ShouldBe(p);
        }
        RulePriorities.FirstChoice("preview-main").ShouldBe(RulePriorities.Candidate("preview-main", 0));
    }

    [Test]
    public void Candidates_wrap_within_the_range()
    {
        var stack = Enumerable.Range(0, 100000).Select(i => $"preview-{i}").First(s => RulePriorities.FirstChoice(s) == 49998);

        RulePriorities.Candidate(stack, 1).ShouldBe(1);
        RulePriorities.Candidate(stack, 3).ShouldBe(3);
    }
}
