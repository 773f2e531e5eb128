namespace Deployments.Deployer.Aws.Ecs;

/// <summary>An entry of <c>failures[]</c>, which ECS returns inside a 200 response.</summary>
public sealed record EcsFailure(string? Arn, string? Reason, string? Detail)
{
    public override string ToString() => $"{Reason ?? "unknown reason"}{(Detail is null ? "" : $" ({Detail})")}{(Arn is null ? "" : $" for {Arn}")}";
}
