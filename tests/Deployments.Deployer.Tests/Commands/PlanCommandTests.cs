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
    public void A_eu_west_1_preview_is_priced_with_eu_west_1_figures()
    {
        // Act: staging, the parent, runs in eu-west-1.
        var cost = JsonNode.Parse(Plan("--branch", "main", "--json").StdOut)!["cost"]!;

        // Assert: 0.25 vCPU × 730 h × 0.01334053 + 0.5 GB × 730 h × 0.00146489 + 73 ALB-hours × 0.0252 + no rule LCU above
        // the other dimensions + 0.5 GB × 0.57 + 0.05 GB-months × 0.03
        cost["region"]!.GetValue<string>().ShouldBe("eu-west-1");
        cost["priceRegion"]!.GetValue<string>().ShouldBe("eu-west-1");
        UnitPrice(cost, "Share of the parent's load balancer").ShouldBe(0.0252m);
        UnitPrice(cost, "CloudWatch Logs ingestion").ShouldBe(0.57m);
        cost["monthlyTotal"]!.GetValue<decimal>().ShouldBe(2.43m + 0.53m + 1.84m + 0.00m + 0.29m + 0.00m);
    }

    [Test]
    public void A_eu_west_1_environment_is_priced_with_eu_west_1_figures_and_pays_for_its_listener_rules()
    {
        var result = Plan("--stack", "staging", "--json");

        result.ExitCode.ShouldBe(0, result.StdErr);
        var cost = JsonNode.Parse(result.StdOut)!["cost"]!;
        cost["priceRegion"]!.GetValue<string>().ShouldBe("eu-west-1");
        UnitPrice(cost, "Load balancer").ShouldBe(0.0252m);
        UnitPrice(cost, "NAT gateways (1)").ShouldBe(0.048m);
        UnitPrice(cost, "RDS PostgreSQL db.t4g.micro").ShouldBe(0.017m);
        UnitPrice(cost, "Listener rule evaluations (11 rules per request, first 10 free)").ShouldBe(0.008m);
    }

    [Test]
    public void Estimated_figures_are_said_to_be_estimates_in_text_and_json()
    {
        // Act: staging (eu-west-1) uses, among others, an estimated LCU-hour and RDS instance price.
        var json = Plan("--stack", "staging", "--json");
        var text = Plan("--stack", "staging");

        // Assert: every line whose price no source gave is flagged, and only those.
        json.ExitCode.ShouldBe(0, json.StdErr);
        var cost = JsonNode.Parse(json.StdOut)!["cost"]!;
        var lines = cost["lines"]!.AsArray();
        foreach (var line in lines)
            line!["estimated"]!.GetValue<bool>().ShouldBe(line["source"]!.GetValue<string>().StartsWith("not found — estimated as ", StringComparison.Ordinal), line["item"]!.GetValue<string>());
        var estimated = lines.Count(l => l!["estimated"]!.GetValue<bool>());
        estimated.ShouldBeGreaterThan(0);
        cost["estimatedLines"]!.GetValue<int>().ShouldBe(estimated);
        text.StdOut.ShouldContain($"* {estimated} of {lines.Count} unit prices were not found in any source and are estimated");
        text.StdOut.ShouldContain("check them on https://aws.amazon.com/pricing/");
        var marked = text.StdOut.Split('\n').Where(l => l.Contains("(not found — estimated as ", StringComparison.Ordinal)).ToList();
        marked.Count.ShouldBe(estimated);
        marked.ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\$\d+\.\d\d\*  "));
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
        result.StdOut.ShouldContain("shop-production-ci-deploy");
        result.StdOut.ShouldMatch(@"CI drift role +shop-production-ci-drift");
        result.StdOut.ShouldNotContain("shop-production-ci-preview");
    }

    [Test]
    public void A_stack_in_a_region_without_prices_says_so_instead_of_using_another_regions()
    {
        // Arrange: staging moved to ap-south-1, which has no built-in table.
        var project = Path.Combine(Path.GetTempPath(), $"plan-region-{Environment.ProcessId}");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(RepoRoot.Dir, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"), overwrite: true);
        File.WriteAllText(Path.Combine(project, "Pulumi.qa.yaml"),
            File.ReadAllText(Path.Combine(RepoRoot.Dir, "Pulumi.staging.yaml")).Replace("eu-west-1", "ap-south-1", StringComparison.Ordinal));
        try
        {
            // Act
            var json = DeployerRun.Run(["plan", "--project-dir", project, "--stack", "qa", "--json"]);
            var text = DeployerRun.Run(["plan", "--project-dir", project, "--stack", "qa"]);

            // Assert: the plan itself still works; the cost names the region and has no figure.
            json.ExitCode.ShouldBe(0, json.StdErr);
            var cost = JsonNode.Parse(json.StdOut)!["cost"]!;
            cost["region"]!.GetValue<string>().ShouldBe("ap-south-1");
            cost["priceRegion"].ShouldBeNull();
            cost["monthlyTotal"].ShouldBeNull();
            cost["lines"]!.AsArray().ShouldBeEmpty();
            cost["unavailable"]!.GetValue<string>().ShouldStartWith("no price table for region ap-south-1 (built-in tables: ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2); pass --prices FILE");
            text.ExitCode.ShouldBe(0, text.StdErr);
            text.StdOut.ShouldContain("Estimated monthly cost: unknown, no price table for region ap-south-1");
            text.StdOut.ShouldNotContain("$");
        }
        finally { Directory.Delete(project, recursive: true); }
    }

    [Test]
    public void A_price_table_for_another_region_is_refused()
    {
        var result = Plan("--branch", "main", "--prices", Path.Combine(RepoRoot.Dir, "deployer", "data", "prices", "us-east-1.json"));

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("us-east-1.json' covers us-east-1, but the stack runs in eu-west-1");
        result.StdOut.ShouldBeEmpty();
    }

    [Test]
    public void Show_prices_prints_the_built_in_table_a_prices_file_starts_from()
    {
        // An installed tool has no data folder: this is how an operator gets a table to edit for --prices.
        var result = DeployerRun.Run(["plan", "--show-prices", "eu-west-1"]);

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldBe(File.ReadAllText(Path.Combine(RepoRoot.Dir, "deployer", "data", "prices", "eu-west-1.json")));
    }

    [TestCase("mars-north-1", "--show-prices: there is no built-in price table for that region; built-in: ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2")]
    [TestCase("eu-west-1\n", "--show-prices: there is no built-in price table for that region")]
    public void Show_prices_of_an_unknown_region_names_the_option_and_the_regions(string region, string message)
    {
        var result = DeployerRun.Run(["plan", "--show-prices", region.Replace("\\n", "\n", StringComparison.Ordinal)]);

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain(message);
        result.StdOut.ShouldBeEmpty();
    }

    [Test]
    public void Show_prices_is_alone()
    {
        var result = Plan("--show-prices", "eu-west-1", "--branch", "main");

        result.ExitCode.ShouldBe(ExitCodes.UserError);
        result.StdErr.ShouldContain("--show-prices prints a built-in price table and nothing else: pass it without --branch or --stack");
        result.StdOut.ShouldBeEmpty();
    }

    [Test]
    public void A_custom_price_table_changes_the_estimate()
    {
        var prices = Path.Combine(Path.GetTempPath(), $"prices-{Environment.ProcessId}.json");
        File.WriteAllText(prices, File.ReadAllText(Path.Combine(RepoRoot.Dir, "deployer", "data", "prices", "eu-west-1.json")).Replace("\"value\": 0.0252", "\"value\": 1.0", StringComparison.Ordinal));
        try
        {
            var cost = JsonNode.Parse(Plan("--branch", "main", "--json", "--prices", prices).StdOut)!["cost"]!;

            cost["lines"]!.AsArray().Single(l => l!["item"]!.GetValue<string>().StartsWith("Share", StringComparison.Ordinal))!["monthly"]!.GetValue<decimal>().ShouldBe(73m);
        }
        finally { File.Delete(prices); }
    }

    private static decimal UnitPrice(JsonNode cost, string item) =>
        cost["lines"]!.AsArray().Single(l => l!["item"]!.GetValue<string>() == item || l["item"]!.GetValue<string>().StartsWith(item + " (", StringComparison.Ordinal))!["unitPrice"]!.GetValue<decimal>();

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
