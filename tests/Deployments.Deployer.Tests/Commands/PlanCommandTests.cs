using System.Text.Json.Nodes;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Tests.Commands;

public class PlanCommandTests
{
    private static DeployerRun.Result Plan(params string[] args) => DeployerRun.Run(["plan", "--project-dir", RepoRoot.Dir, .. args]);

    [Test]
    public void Preview_plan_names_the_stack_url_resources_and_cost()
    {
        // Act
        var result = Plan("--branch", "feature/login", "--image-tag", "3f9a2c1", "--json");

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        var plan = JsonNode.Parse(result.StdOut)!;
        plan["stack"]!.GetValue<string>().ShouldBe("preview-feature-login-df7c7aeb");
        plan["url"]!.GetValue<string>().ShouldBe("https://feature-login-df7c7aeb.preview.shop.example.com");
        plan["names"]!["target group"]!.GetValue<string>().ShouldBe("shop-pv-feature-login-df7c7aeb");
        plan["resources"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).ShouldContain("aws:ecs:Service");
        plan["resources"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).ShouldNotContain("aws:lb:LoadBalancer");
        var cost = plan["cost"]!;
        cost["monthlyTotal"]!.GetValue<decimal>().ShouldBe(cost["lines"]!.AsArray().Sum(l => l!["monthly"]!.GetValue<decimal>()));
        cost["lines"]!.AsArray().Select(l => l!["item"]!.GetValue<string>()).ShouldContain(i => i.StartsWith("Fargate Spot vCPU", StringComparison.Ordinal));
    }

    [Test]
    public void Preview_cost_is_spot_fargate_plus_a_load_balancer_share_and_logs()
    {
        var cost = JsonNode.Parse(Plan("--branch", "main", "--json").StdOut)!["cost"]!;

        // 0.25 vCPU × 730 h × 0.01291 + 0.5 GB × 730 h × 0.001418 + 73 ALB-hours × 0.0225 + 0.5 GB × 0.50 + 0.05 GB-months × 0.03
        cost["monthlyTotal"]!.GetValue<decimal>().ShouldBe(2.36m + 0.52m + 1.64m + 0.25m + 0.00m);
    }

    [Test]
    public void Environment_plan_counts_nat_gateways_and_the_database()
    {
        var result = Plan("--stack", "production");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("  stack  production");
        result.StdOut.ShouldContain("NAT gateways (3)");
        result.StdOut.ShouldContain("RDS PostgreSQL db.t4g.medium Multi-AZ");
        result.StdOut.ShouldContain("aws:rds:Instance");
    }

    [Test]
    public void A_custom_price_table_changes_the_estimate()
    {
        var prices = Path.Combine(Path.GetTempPath(), $"prices-{Environment.ProcessId}.json");
        File.WriteAllText(prices, File.ReadAllText(Path.Combine(RepoRoot.Dir, "deployer", "data", "prices.json")).Replace("\"value\": 0.0225", "\"value\": 1.0", StringComparison.Ordinal));
        try
        {
            var cost = JsonNode.Parse(Plan("--branch", "main", "--json", "--prices", prices).StdOut)!["cost"]!;

            cost["lines"]!.AsArray().Single(l => l!["item"]!.GetValue<string>().StartsWith("Share", StringComparison.Ordinal))!["monthly"]!.GetValue<decimal>().ShouldBe(73m);
        }
        finally { File.Delete(prices); }
    }

    [TestCase(new[] { "--branch", "" }, "--branch: must be a git branch name")]
    [TestCase(new[] { "--branch", "x", "--image-tag", "-bad" }, "--image-tag: '-bad' is not allowed")]
    [TestCase(new[] { "--branch", "x", "--parent", "production" }, "--parent: environment 'production' has no previewDomain")]
    [TestCase(new[] { "--branch", "x", "--parent", "qa" }, "--parent: no stack file Pulumi.qa.yaml")]
    [TestCase(new string[0], "pass exactly one of --branch BRANCH")]
    [TestCase(new[] { "--branch", "x", "--stack", "staging" }, "pass exactly one of --branch BRANCH")]
    [TestCase(new[] { "--stack", "nope" }, "--stack: no stack file Pulumi.nope.yaml")]
    [TestCase(new[] { "--branch", "x", "--prices", "/nonexistent.json" }, "--prices: '/nonexistent.json' does not exist")]
    [TestCase(new[] { "--bogus" }, "Unrecognized command or argument '--bogus'")]
    public void Bad_input_is_a_user_error_with_a_clear_message_and_no_output(string[] args, string message)
    {
        var result = Plan(args);

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain(message);
        result.StdErr.ShouldNotContain("   at ");
        result.StdOut.ShouldBeEmpty();
    }

    [Test]
    public void Hundreds_of_generated_branches_plan_with_valid_distinct_names()
    {
        // Arrange: unicode, 300 characters, only symbols, near-duplicates.
        var random = new Random(42);
        string[] pieces = ["feature/", "Fix_", "日本", "🚀", "---", "...", "#!@", "ü", "release-1.2", "x"];
        var branches = Enumerable.Range(0, 300).Select(i => i switch
        {
            0 => new string('a', 300),
            1 => "!!!***",
            2 => "ЖЖЖ",
            _ => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])) + i % 7,
        }).Distinct().ToList();
        var stacks = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var branch in branches)
        {
            // Act
            var result = Plan("--branch", branch, "--json");

            // Assert
            result.ExitCode.ShouldBe(0, $"{branch}: {result.StdErr}");
            var plan = JsonNode.Parse(result.StdOut)!;
            var stack = plan["stack"]!.GetValue<string>();
            stack.Length.ShouldBeLessThanOrEqualTo(NameLimits.StackName);
            plan["names"]!["target group"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(NameLimits.TargetGroup);
            stacks.TryAdd(stack, branch).ShouldBeTrue($"'{branch}' and '{stacks.GetValueOrDefault(stack)}' share {stack}");
        }
        stacks.Count.ShouldBe(branches.Count);
    }
}
