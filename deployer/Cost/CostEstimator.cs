using System.Globalization;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Cost;

/// <summary>
/// Estimates a stack's monthly cost from its validated settings and one region's price table: Fargate (on-demand or
/// Spot, vCPU- and GB-hours, running all month), the load balancer (a preview pays a share) and its LCUs, including
/// listener-rule evaluations beyond the free 10, NAT gateways, public IPv4 addresses, CloudWatch Logs and RDS. List
/// prices, no free tier, no taxes. <see cref="RegionalCostEstimator"/> picks the table of the stack's region.
/// </summary>
public sealed class CostEstimator(PriceTable prices, CostAssumptions assumptions)
{
    private decimal Hours => prices.HoursPerMonth;

    public CostEstimate Environment(EnvironmentSettings s)
    {
        var lines = new List<CostLine>();
        Fargate(lines, s.Scaling.MinTasks, s.App.Cpu, s.App.Memory, s.App.Spot, $"{s.Scaling.MinTasks} task(s), the minimum");
        lines.Add(new("Load balancer", Hours, "ALB-hours", prices[PriceKeys.AlbHour]));
        lines.Add(new("Load balancer capacity (connections, bytes)", Hours * assumptions.AlbLcuAverage, "LCU-hours", prices[PriceKeys.AlbLcuHour]));
        var rules = EnvironmentRulesProcessed;
        lines.Add(new($"Listener rule evaluations ({rules} rules per request, first {AlbRuleEvaluations.FreeRulesPerRequest} free)",
            Hours * RuleLcuAbove(rules), "LCU-hours", prices[PriceKeys.AlbLcuHour]));
        var azs = s.Network.UsesExistingVpc ? s.Network.PublicSubnetIds.Count : s.Network.AvailabilityZones;
        lines.Add(new($"Load balancer public IPv4 ({azs} AZs)", Hours * azs, "IP-hours", prices[PriceKeys.PublicIpv4Hour]));
        // The further preview load balancers bill their hours and addresses even with no preview on them.
        var shards = Infra.Stacks.Shards.PreviewShardLayout.For(s.PreviewCapacity).Count - 1;
        if (shards > 0)
        {
            lines.Add(new($"Preview load balancers ({shards} beyond its own, for previewCapacity {s.PreviewCapacity}; shared by their previews)", Hours * shards, "ALB-hours", prices[PriceKeys.AlbHour]));
            lines.Add(new($"Preview load balancers' public IPv4 ({shards} × {azs} AZs)", Hours * shards * azs, "IP-hours", prices[PriceKeys.PublicIpv4Hour]));
        }
        var nats = s.Network.UsesExistingVpc ? 0 : s.Network.NatGateways switch { "None" => 0, "Single" => 1, _ => azs };
        if (nats > 0)
        {
            lines.Add(new($"NAT gateways ({nats})", Hours * nats, "gateway-hours", prices[PriceKeys.NatGatewayHour]));
            lines.Add(new("NAT gateway public IPv4", Hours * nats, "IP-hours", prices[PriceKeys.PublicIpv4Hour]));
            lines.Add(new("NAT data processed", assumptions.NatGbPerMonth, "GB", prices[PriceKeys.NatGatewayGb]));
        }
        Logs(lines, assumptions.EnvironmentLogGbPerMonth, s.App.LogRetentionDays);
        if (s.Database is { } db) Database(lines, db.InstanceClass, db.AllocatedStorage, db.MultiAz);
        return Estimate(lines, [
            $"services run their minimum task count all month ({Text(Hours)} h)",
            $"{Text(assumptions.AlbLcuAverage)} LCU on average from connections and bytes, {Text(assumptions.EnvironmentLogGbPerMonth)} GB of logs and {Text(assumptions.NatGbPerMonth)} GB through NAT per month",
            RuleNote(rules),
        ]);
    }

    public CostEstimate Preview(PreviewSettings s)
    {
        var lines = new List<CostLine>();
        // A scheduled preview's tasks run only in its schedule (scaled to 0 outside it); its rule and its share of the
        // load balancer exist all month.
        var taskHours = s.Schedule is { } schedule ? ScheduledHours(schedule) : Hours;
        Fargate(lines, s.DesiredCount, s.App.Cpu, s.App.Memory, s.App.Spot, $"{s.DesiredCount} task(s)", taskHours);
        var share = assumptions.PreviewsSharingTheLoadBalancer;
        // A preview pays a share of its shard's load balancer hours: the environment's own (shard 0) or a further one.
        var shard = s.LoadBalancerShard == 0 ? "the parent's load balancer" : $"the parent's preview load balancer {s.LoadBalancerShard}";
        lines.Add(new($"Share of {shard} (1/{share})", Hours / share, "ALB-hours", prices[PriceKeys.AlbHour]));
        var rules = EnvironmentRulesProcessed;
        string ruleNote;
        if (s.LoadBalancerShard == 0)
        {
            // The preview's rule is one more rule every request for the environment's host passes: its cost is the
            // difference it makes to the parent's rule-evaluation LCUs.
            lines.Add(new($"Listener rule evaluations its rule adds ({rules - 1} → {rules} rules per environment request)",
                Hours * (RuleLcuAbove(rules) - RuleLcuAbove(rules - 1)), "LCU-hours", prices[PriceKeys.AlbLcuHour]));
            ruleNote = RuleNote(rules) + "; the preview's own requests are not counted";
        }
        else
            ruleNote = "its rule is on a preview load balancer, which no request for the environment's host passes: it adds no rule evaluations there; the previews' own requests are not counted";
        Logs(lines, assumptions.PreviewLogGbPerMonth, s.App.LogRetentionDays);
        if (s.DatabaseStrategy == DatabaseStrategies.Instance) Database(lines, "db.t4g.micro", 20, multiAz: false);
        return Estimate(lines, [
            s.Schedule is { } scheduled
                ? $"the preview's tasks run only {scheduled.Describe()}: {scheduled.Days.Count} days × {Text((decimal)scheduled.HoursPerDay, "0.##")} h × 4.345 weeks (365/12/7) = {Text(taskHours, "0.##")} h a month (of {Text(Hours)} h); it costs that fraction of the total for the days it lives"
                : $"the preview runs all month ({Text(Hours)} h); it costs that fraction of the total for the days it lives",
            $"{share} previews share {shard}",
            ruleNote,
            $"{Text(assumptions.PreviewLogGbPerMonth)} GB of logs per month",
        ]);
    }

    /// <summary>The preview rules, then the environment's own (the last priority): what a request for the environment's host passes.</summary>
    private int EnvironmentRulesProcessed => assumptions.PreviewsSharingTheLoadBalancer + 1;

    private decimal RuleLcuAbove(int rules) =>
        AlbRuleEvaluations.LcuAbove(assumptions.AlbLcuAverage, rules, assumptions.EnvironmentRequestsPerSecond);

    private string RuleNote(int rules)
    {
        var lcu = AlbRuleEvaluations.Lcu(rules, assumptions.EnvironmentRequestsPerSecond);
        return $"{Text(assumptions.EnvironmentRequestsPerSecond)} requests/s for the environment's host, each processing {assumptions.PreviewsSharingTheLoadBalancer} preview rules and its own: " +
            $"{Text(lcu, "0.####")} LCU of rule evaluations beyond the free {AlbRuleEvaluations.FreeRulesPerRequest} " +
            $"(1 LCU = {Text(AlbRuleEvaluations.EvaluationsPerSecondPerLcu)} evaluations/s), billed only above the {Text(assumptions.AlbLcuAverage)} LCU of the other dimensions (an hour is billed on its highest dimension)";
    }

    /// <summary>The schedule's running hours a month: days × hours a day × weeks a month (365/12/7).</summary>
    private static decimal ScheduledHours(PreviewSchedule schedule) => Math.Round((decimal)schedule.HoursPerMonth, 4);

    private void Fargate(List<CostLine> lines, int tasks, int cpu, int memory, bool spot, string what, decimal? hours = null)
    {
        var taskHours = hours ?? Hours;
        var kind = spot ? "Fargate Spot" : "Fargate";
        var vcpu = tasks * cpu / 1024m;
        var gb = tasks * memory / 1024m;
        lines.Add(new($"{kind} vCPU, {what} × {Text(cpu / 1024m)} vCPU", vcpu * taskHours, "vCPU-hours", prices[spot ? PriceKeys.FargateSpotVcpuHour : PriceKeys.FargateVcpuHour]));
        lines.Add(new($"{kind} memory, {what} × {Text(memory / 1024m)} GB", gb * taskHours, "GB-hours", prices[spot ? PriceKeys.FargateSpotGbHour : PriceKeys.FargateGbHour]));
    }

    private void Logs(List<CostLine> lines, decimal gbPerMonth, int retentionDays)
    {
        lines.Add(new("CloudWatch Logs ingestion", gbPerMonth, "GB", prices[PriceKeys.LogsIngestGb]));
        // Steady state: what arrives in `retention` days is what is stored.
        lines.Add(new($"CloudWatch Logs storage ({retentionDays}-day retention)", gbPerMonth * retentionDays / 30m, "GB-months", prices[PriceKeys.LogsStorageGbMonth]));
    }

    private void Database(List<CostLine> lines, string instanceClass, int storageGb, bool multiAz)
    {
        var copies = multiAz ? 2 : 1;
        if (prices.RdsInstanceHour.TryGetValue(instanceClass, out var price))
            lines.Add(new($"RDS PostgreSQL {instanceClass}{(multiAz ? " Multi-AZ" : "")}", Hours * copies, "instance-hours", price));
        lines.Add(new($"RDS gp3 storage ({storageGb} GB{(multiAz ? " × 2" : "")})", storageGb * copies, "GB-months", prices[PriceKeys.RdsGp3GbMonth]));
    }

    private CostEstimate Estimate(List<CostLine> lines, List<string> notes)
    {
        var missing = lines.Count(l => l.Item.StartsWith("RDS PostgreSQL", StringComparison.Ordinal)) == 0 && lines.Any(l => l.Item.StartsWith("RDS gp3", StringComparison.Ordinal));
        if (missing) notes.Add("the database instance class has no price in the table; only its storage is counted");
        notes.Add($"{prices.Region} list prices in {prices.Currency}; each line names its source");
        return CostEstimate.Priced(prices.Region, prices.Currency, lines, notes);
    }

    private static string Text(decimal value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
