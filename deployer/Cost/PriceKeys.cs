namespace Deployments.Deployer.Cost;

/// <summary>
/// The names of the unit prices the estimator reads, one place for both the estimator and the check that every
/// price table (<c>deployer/data/prices/&lt;region&gt;.json</c> or <c>--prices FILE</c>) has them all.
/// </summary>
public static class PriceKeys
{
    public const string FargateVcpuHour = "fargateVcpuHour";
    public const string FargateGbHour = "fargateGbHour";
    public const string FargateSpotVcpuHour = "fargateSpotVcpuHour";
    public const string FargateSpotGbHour = "fargateSpotGbHour";
    public const string AlbHour = "albHour";
    public const string AlbLcuHour = "albLcuHour";
    public const string NatGatewayHour = "natGatewayHour";
    public const string NatGatewayGb = "natGatewayGb";
    public const string PublicIpv4Hour = "publicIpv4Hour";
    public const string LogsIngestGb = "logsIngestGb";
    public const string LogsStorageGbMonth = "logsStorageGbMonth";
    public const string RdsGp3GbMonth = "rdsGp3GbMonth";

    /// <summary>The member holding one price per RDS instance class.</summary>
    public const string RdsInstanceHour = "rdsInstanceHour";

    public static readonly IReadOnlyList<string> Required =
    [
        FargateVcpuHour, FargateGbHour, FargateSpotVcpuHour, FargateSpotGbHour, AlbHour, AlbLcuHour, NatGatewayHour,
        NatGatewayGb, PublicIpv4Hour, LogsIngestGb, LogsStorageGbMonth, RdsGp3GbMonth,
    ];

    /// <summary>
    /// Instance classes every table prices: the default <c>databaseInstanceClass</c> and the class of a preview's own
    /// database. Other classes may be missing; the estimate then counts only their storage and says so.
    /// </summary>
    public static readonly IReadOnlyList<string> RequiredInstanceClasses = ["db.t4g.micro"];
}
