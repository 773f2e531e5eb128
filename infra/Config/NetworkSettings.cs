namespace Deployments.Infra.Config;

/// <summary>Either a new VPC (awsx <c>Vpc</c>) or an existing VPC and its subnets by ID.</summary>
public sealed record NetworkSettings
{
    public string? ExistingVpcId { get; init; }
    public IReadOnlyList<string> PublicSubnetIds { get; init; } = [];
    public IReadOnlyList<string> PrivateSubnetIds { get; init; } = [];
    public string VpcCidr { get; init; } = "10.0.0.0/16";
    public int AvailabilityZones { get; init; } = 2;
    /// <summary>awsx NAT strategy: None, Single or OnePerAz.</summary>
    public string NatGateways { get; init; } = "Single";

    public bool UsesExistingVpc => ExistingVpcId is not null;
}
