namespace Deployments.Infra.Config;

/// <summary>
/// Outbound traffic of the app's and migration's tasks. By default only what a task needs: HTTPS anywhere (ECR,
/// AWS APIs, the app's own calls), DNS to the VPC, and the database port to the database's security group; plus
/// <see cref="ExtraRules"/>. <see cref="Open"/> allows all outbound traffic instead.
/// </summary>
public sealed record EgressSettings(bool Open, IReadOnlyList<EgressRule> ExtraRules)
{
    public static readonly EgressSettings Restricted = new(false, []);
}
