using System.Globalization;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Cost;

/// <summary>
/// Estimates a stack's monthly cost from its validated settings and a price table: Fargate (on-demand or Spot,
/// vCPU- and GB-hours, running all month), the load balancer (a preview pays a share), NAT gateways, public IPv4
/// addresses, CloudWatch Logs and RDS. List prices, no free tier, no taxes.
/// </summary>
public sealed class CostEstimator(PriceTable prices, CostAssumptions assumptions)
{
    private decimal Hours => prices.HoursPerMonth;

    public CostEstimate Environment(EnvironmentSettings s)
    {
        var lines = new List<CostLine>();
        Fargate(lines, s.Scaling.MinTasks, s.App.Cpu, s.App.Memory, s.App.Spot, $"{s.Scaling.MinTasks} task(s), the minimum");
        lines.Add(new("Load balancer", Hours, "ALB-hours", prices["albHour"]));
        lines.Add(new("Load balancer capacity", Hours * assumptions.AlbLcuAverage, "LCU-hours", prices["albLcuHour"]));
        var azs = s.Network.UsesExistingVpc ? s.Network.PublicSubnetIds.Count : s.Network.AvailabilityZones;
        lines.Add(new($"Load balancer public IPv4 ({azs} AZs)", Hours * azs, "IP-hours", prices["publicIpv4Hour"]));
        var nats = s.Network.UsesExistingVpc ? 0 : s.Network.NatGateways switch { "None" => 0, "Single" => 1, _ => azs };
        if (nats > 0)
        {
            lines.Add(new($"NAT gateways ({nats})", Hours * nats, "gateway-hours", prices["natGatewayHour"]));
            lines.Add(new("NAT gateway public IPv4", Hours * nats, "IP-hours", prices["publicIpv4Hour"]));
            lines.Add(new("NAT data processed", assumptions.NatGbPerMonth, "GB", prices["natGatewayGb"]));
        }
        Logs(lines, assumptions.EnvironmentLogGbPerMonth, s.App.LogRetentionDays);
        if (s.Database is { } db) Database(lines, db.InstanceClass, db.AllocatedStorage, db.MultiAz);
        return Estimate(lines, [
            $"services run their minimum task count all month ({Hours.ToString(CultureInfo.InvariantCulture)} h)",
            $"{Text(assumptions.AlbLcuAverage)} LCU on average, {Text(assumptions.EnvironmentLogGbPerMonth)} GB of logs and {Text(assumptions.NatGbPerMonth)} GB through NAT per month",
        ]);
    }

    public CostEstimate Preview(PreviewSettings s)
    {
        var lines = new List<CostLine>();
        Fargate(lines, s.DesiredCount, s.App.Cpu, s.App.Memory, s.App.Spot, $"{s.DesiredCount} task(s)");
        var share = assumptions.PreviewsSharingTheLoadBalancer;
        lines.Add(new($"Share of the parent's load balancer (1/{share})", Hours / share, "ALB-hours", prices["albHour"]));
        Logs(lines, assumptions.PreviewLogGbPerMonth, s.App.LogRetentionDays);
        if (s.DatabaseStrategy == DatabaseStrategies.Instance) Database(lines, "db.t4g.micro", 20, multiAz: false);
        return Estimate(lines, [
            $"the preview runs all month ({Hours.ToString(CultureInfo.InvariantCulture)} h); it costs that fraction of the total for the days it lives",
            $"{share} previews share the parent's load balancer; the listener rule itself is free (first 10 rule evaluations per request)",
            $"{Text(assumptions.PreviewLogGbPerMonth)} GB of logs per month",
        ]);
    }

    private void Fargate(List<CostLine> lines, int tasks, int cpu, int memory, bool spot, string what)
    {
        var kind = spot ? "Fargate Spot" : "Fargate";
        var vcpu = tasks * cpu / 1024m;
        var gb = tasks * memory / 1024m;
        lines.Add(new($"{kind} vCPU, {what} × {Text(cpu / 1024m)} vCPU", vcpu * Hours, "vCPU-hours", prices[spot ? "fargateSpotVcpuHour" : "fargateVcpuHour"]));
        lines.Add(new($"{kind} memory, {what} × {Text(memory / 1024m)} GB", gb * Hours, "GB-hours", prices[spot ? "fargateSpotGbHour" : "fargateGbHour"]));
    }

    private void Logs(List<CostLine> lines, decimal gbPerMonth, int retentionDays)
    {
        lines.Add(new("CloudWatch Logs ingestion", gbPerMonth, "GB", prices["logsIngestGb"]));
        // Steady state: what arrives in `retention` days is what is stored.
        lines.Add(new($"CloudWatch Logs storage ({retentionDays}-day retention)", gbPerMonth * retentionDays / 30m, "GB-months", prices["logsStorageGbMonth"]));
    }

    private void Database(List<CostLine> lines, string instanceClass, int storageGb, bool multiAz)
    {
        var copies = multiAz ? 2 : 1;
        if (prices.RdsInstanceHour.TryGetValue(instanceClass, out var price))
            lines.Add(new($"RDS PostgreSQL {instanceClass}{(multiAz ? " Multi-AZ" : "")}", Hours * copies, "instance-hours", price));
        lines.Add(new($"RDS gp3 storage ({storageGb} GB{(multiAz ? " × 2" : "")})", storageGb * copies, "GB-months", prices["rdsGp3GbMonth"]));
    }

    private CostEstimate Estimate(List<CostLine> lines, List<string> notes)
    {
        var missing = lines.Count(l => l.Item.StartsWith("RDS PostgreSQL", StringComparison.Ordinal)) == 0 && lines.Any(l => l.Item.StartsWith("RDS gp3", StringComparison.Ordinal));
        if (missing) notes.Add("the database instance class has no price in the table; only its storage is counted");
        notes.Add($"{prices.Region} list prices in {prices.Currency}; each line names its source");
        return new CostEstimate(prices.Currency, prices.Region, lines, notes);
    }

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
