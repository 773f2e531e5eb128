using Deployments.Infra.Config;
using Deployments.Infra.Stacks;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Posture;

/// <summary>Issue 10 §6: what makes a stack production, and what production gets (immutable tags, unique final snapshots).</summary>
public class ProductionPostureTests
{
    private const string Build = "build={\"context\":\"./app\",\"sha\":\"3f9a2c1d\",\"version\":\"1.2.0\",\"branch\":\"main\"}";

    [Test]
    public void Production_tags_are_immutable_and_staging_tags_stay_mutable_for_latest()
    {
        // Arrange / Act
        var production = StackFixtures.Production();
        var staging = StackFixtures.Staging();

        // Assert
        production.HasResourceProperties("aws:ecr:Repository", new { imageTagMutability = "IMMUTABLE" });
        staging.HasResourceProperties("aws:ecr:Repository", new { imageTagMutability = "MUTABLE" });
    }

    [Test]
    public void The_production_key_decides_not_the_stack_name()
    {
        var optedOut = StackFixtures.Production("production=false", "imageTag=latest");
        var optedIn = StackFixtures.Staging("production=true", "imageTag=1.4.2-3f9a2c1");

        optedOut.HasResourceProperties("aws:ecr:Repository", new { imageTagMutability = "MUTABLE" });
        optedIn.HasResourceProperties("aws:ecr:Repository", new { imageTagMutability = "IMMUTABLE" });
    }

    [Test]
    public void A_production_build_never_pushes_the_moving_latest_tag()
    {
        var production = StackFixtures.Production("!imageTag", Build);
        var staging = StackFixtures.Staging("!imageTag", Build);

        production.HasResourceProperties("docker-build:Image", new
        {
            tags = new[] { "${repository.repositoryUrl}:3f9a2c1", "${repository.repositoryUrl}:1.2.0-3f9a2c1" },
        });
        staging.HasResourceProperties("docker-build:Image", new
        {
            tags = new[] { "${repository.repositoryUrl}:3f9a2c1", "${repository.repositoryUrl}:1.2.0-3f9a2c1", "${repository.repositoryUrl}:latest" },
        });
    }

    [Test]
    public void A_protected_database_gets_a_final_snapshot_name_no_re_created_database_can_collide_with()
    {
        var template = StackFixtures.Production();

        template.HasResourceProperties("aws:rds:Instance", new
        {
            skipFinalSnapshot = false,
            finalSnapshotIdentifier = "shop-production-final-${final-snapshot-suffix.hex}",
        });
        template.HasResourceProperties("random:index:RandomId", new
        {
            byteLength = 4,
            keepers = new { identifier = "shop-production", dbName = "app", username = "app" },
        });
        TemplateAssert.Matches(template.Resource(LogicalNames.FinalSnapshotSuffix)["options"], new { version = ProviderVersions.Random }, "suffix options");
    }

    [Test]
    public void Unprotected_databases_take_no_final_snapshot_and_need_no_suffix()
    {
        StackFixtures.Staging().ResourceCountIs("random:index:RandomId", 0);
        StackFixtures.Preview("databaseStrategy=instance").ResourceCountIs("random:index:RandomId", 0);
    }

    [Test]
    public void The_discovery_template_declares_the_random_plugin_every_protected_stack_needs()
    {
        var discovery = TemplateAssert.FromJson(Infra.Template.TemplateSerializer.ToJson(DiscoveryStack.Build(PulumiProject.DefaultName)));

        TemplateAssert.Matches(discovery.Resource("random-provider"), new { type = "pulumi:providers:random", options = new { version = ProviderVersions.Random } }, "random provider");
    }
}
