using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// infra.yml (ours and init's) reviews a pull request without running any of its code: a preview decrypts the
/// environment's state, so the job holds the environment's passphrase. It is a <c>pull_request_target</c> workflow (the
/// default branch's file), in the GitHub environment <c>review-ENV</c>, with the read-only review role only; its
/// checkout is the default branch's, and the pull request's head is read once, as the data of <c>Pulumi.ENV.yaml</c>.
/// </summary>
public static class ReviewWorkflowCheck
{
    public const string ReviewRole = "${{ secrets.AWS_REVIEW_ROLE_ARN }}";
    private const string HeadSha = "${{ github.event.pull_request.head.sha }}";

    public static void Verify(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        using (var reader = new StringReader(text)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var on = (YamlMappingNode)root["on"];
        on.Children.Keys.Select(k => k.ToString()).ShouldBe(["pull_request_target"], "a pull_request workflow would be the pull request's own file, with its secrets");
        var trigger = (YamlMappingNode)on["pull_request_target"];
        ((YamlSequenceNode)trigger["types"]).Select(t => t.ToString()).ShouldBe(["opened", "synchronize", "reopened", "labeled", "unlabeled"]);
        ((YamlSequenceNode)trigger["paths"]).Select(p => p.ToString()).ShouldBe(["Pulumi.*.yaml"]);

        var job = (YamlMappingNode)((YamlMappingNode)root["jobs"]).Children.Values.Single();
        job["environment"].ToString().ShouldBe("review-${{ matrix.stack }}");
        job["if"].ToString().ShouldBe("github.event.pull_request.head.repo.full_name == github.repository");
        var steps = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().ToList();
        string? Get(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v.ToString() : null;
        YamlMappingNode? With(YamlMappingNode step) => step.Children.TryGetValue(new YamlScalarNode("with"), out var w) ? (YamlMappingNode)w : null;

        // The default branch's checkout: no ref, repository or path of the pull request's.
        steps.Where(s => Get(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(s => With(s).ShouldBeNull());
        steps.Where(s => Get(s, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true)
            .Select(s => Get(With(s)!, "role-to-assume")).ShouldBe([ReviewRole]);
        // The head is named once, in the step that copies Pulumi.ENV.yaml out of it (git show prints the blob: nothing runs).
        text.Split(HeadSha).Length.ShouldBe(2, "the pull request's head may be read in one place only");
        var config = steps.Single(s => s.Children.TryGetValue(new YamlScalarNode("env"), out var e) && ((YamlMappingNode)e).Children.Values.Any(v => v.ToString() == HeadSha));
        Get(config, "run")!.Trim().Split('\n').Select(l => l.Trim()).ShouldBe([
            "git fetch --no-tags --depth=1 origin \"$HEAD_SHA\"",
            "git show \"$HEAD_SHA:Pulumi.$STACK.yaml\" > \"Pulumi.$STACK.yaml\"",
        ]);
        steps.IndexOf(config).ShouldBeLessThan(steps.FindIndex(s => With(s) is { } w && Get(w, "command") == "env-review"));
        text.ShouldNotContain("AWS_DEPLOY_ROLE_ARN");
        text.ShouldContain("contains(github.event.pull_request.labels.*.name, 'infra-approved')");
        // The review step's exit 10/11 are verdicts the next step reads from the action's `review` output.
        text.ShouldContain("REVIEW: ${{ steps.review.outputs.review }}");
    }
}
