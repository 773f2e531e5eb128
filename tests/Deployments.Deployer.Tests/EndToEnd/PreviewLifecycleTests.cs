using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.EndToEnd;

/// <summary>A preview's whole life against the fake pulumi, which runs the real compiler through Pulumi.yaml.</summary>
[NonParallelizable]
public class PreviewLifecycleTests
{
    [Test]
    public void Deploy_redeploy_new_image_list_destroy()
    {
        // Arrange
        using var cloud = new FakeCloud();
        cloud.DeployStaging();

        // Act: first deploy
        var first = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1", "--pr", "7", "--json");

        // Assert
        first.ExitCode.ShouldBe(0, first.StdErr);
        var deployed = JsonNode.Parse(first.StdOut)!;
        deployed["url"]!.GetValue<string>().ShouldBe("https://feature-login-df7c7aeb.preview.shop.example.com");
        deployed["created"]!.GetValue<bool>().ShouldBeTrue();
        deployed["resourceChanges"]!["create"]!.GetValue<int>().ShouldBeGreaterThan(5);
        first.StdErr.ShouldContain("created    aws:ecs:Service service");

        // Act: the same inputs again change nothing, and the config is not even rewritten
        var callsBefore = cloud.Calls.Count;
        var again = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "3f9a2c1", "--json");
        again.ExitCode.ShouldBe(0, again.StdErr);
        JsonNode.Parse(again.StdOut)!["resourceChanges"]!.AsObject().Select(c => c.Key).ShouldBe(["same"]);
        // parent outputs, the stacks (it exists: no init, and no placement: it keeps its shard), local config, owner
        // and shard (history), its tags (all there: none set), what the stack runs (its outputs), update, URL.
        cloud.Calls.Skip(callsBefore).Select(c => string.Join(' ', c.Split(' ').Take(3)))
            .ShouldBe(["version", "stack output --json", "stack ls --json", "config --json --stack", "stack history --json", "stack tag ls",
                "stack output --json", "up --yes --skip-preview", "stack output --json"]);

        // Act: a new image updates the task definitions (and the service that points at them)
        var newer = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "feature/login", "--image-tag", "4b5c6d7", "--json");
        newer.ExitCode.ShouldBe(0, newer.StdErr);
        JsonNode.Parse(newer.StdOut)!["resourceChanges"]!["update"]!.GetValue<int>().ShouldBe(2);

        // Act: list
        var list = cloud.Deployer("preview", "list", "--json");
        list.ExitCode.ShouldBe(0, list.StdErr);
        var previews = JsonNode.Parse(list.StdOut)!.AsArray();
        previews.Count.ShouldBe(1);
        previews[0]!["branch"]!.GetValue<string>().ShouldBe("feature/login");
        previews[0]!["imageTag"]!.GetValue<string>().ShouldBe("4b5c6d7");
        previews[0]!["url"]!.GetValue<string>().ShouldBe("https://feature-login-df7c7aeb.preview.shop.example.com");
        previews[0]!["result"]!.GetValue<string>().ShouldBe("succeeded");

        // Act: destroy, twice
        var destroyed = cloud.Deployer("preview", "destroy", "--branch", "feature/login");
        var destroyedAgain = cloud.Deployer("preview", "destroy", "--branch", "feature/login");

        // Assert: gone, idempotent, parent untouched, no config file left behind
        destroyed.ExitCode.ShouldBe(0, destroyed.StdErr);
        destroyed.StdOut.ShouldContain("destroyed preview-feature-login-df7c7aeb");
        destroyedAgain.ExitCode.ShouldBe(0, destroyedAgain.StdErr);
        destroyedAgain.StdOut.ShouldContain("nothing to destroy");
        var stacks = cloud.Pulumi("stack", "ls", "--json").Out;
        JsonNode.Parse(stacks)!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["staging"]);
        JsonNode.Parse(stacks)!.AsArray()[0]!["resourceCount"]!.GetValue<int>().ShouldBeGreaterThan(20);
        Directory.GetFiles(cloud.Project, "Pulumi.preview-*.yaml").ShouldBeEmpty();
        Directory.GetFiles(cloud.LockDirectory("staging")).ShouldBeEmpty();
    }

    [Test]
    public void A_preview_needs_a_deployed_parent()
    {
        using var cloud = new FakeCloud();

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "x", "--image-tag", "1");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("--parent: stack 'staging' does not exist in this backend");
        cloud.Calls.ShouldNotContain(c => c.StartsWith("stack init", StringComparison.Ordinal));
    }

    [Test]
    public void Bad_input_is_refused_before_pulumi_runs()
    {
        using var cloud = new FakeCloud();

        var result = cloud.Deployer("preview", "deploy", "--no-verify", "--branch", "x", "--image-tag", "bad tag");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("--image-tag: 'bad tag' is not allowed");
        cloud.Calls.ShouldBeEmpty();
    }
}
