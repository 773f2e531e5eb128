using Deployments.Deployer.Pulumi;

namespace Deployments.Deployer.Tests.Pulumi;

public class UpdateNumbersTests
{
    private static UpdateRecord Entry(int version) => new(version, "update", "succeeded", null, null, "", new Dictionary<string, string?>(), new Dictionary<string, int>());

    [Test]
    public void A_DIY_history_without_versions_is_numbered_from_the_oldest_entry()
    {
        IReadOnlyList<UpdateRecord> diy = [Entry(0), Entry(0), Entry(0)];

        UpdateNumbers.Missing(diy).ShouldBeTrue();
        UpdateNumbers.FromOldest(diy).Select(u => u.Version).ShouldBe([3, 2, 1]);
    }

    [Test]
    public void Versions_a_backend_gave_are_kept_and_an_empty_history_needs_none()
    {
        UpdateNumbers.Missing([Entry(7), Entry(6)]).ShouldBeFalse();
        UpdateNumbers.Missing([]).ShouldBeFalse();
    }
}
