using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// What ECS needs for a blue/green, canary or linear release behind the ALB
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html): an alternate target
/// group for the new tasks, a test listener rule that reaches them before production traffic shifts, and the role ECS
/// assumes to move the rules between the groups.
/// </summary>
/// <remarks>
/// The test route is the production host (or path) plus the header <see cref="TestHeaderName"/> with a random value born
/// with the stack (128 bits, <c>random:RandomId</c>): the public cannot reach the new tasks without knowing it, and only
/// those who can read the stack's state (who can deploy anyway) do. It is not a password: it is in the state in plain
/// text, the deployer masks it in the Actions log, and outside a release it reaches the same tasks as production. A
/// test port would need the ALB open on a second port to wherever the smoke tests run (GitHub's runners have no fixed
/// addresses), which is a wider door.
/// </remarks>
public static class ReleaseResources
{
    public const string TestHeaderName = "x-deployments-test";

    /// <summary>Just before the environment's own rule (50000): a request with the header matches here first.</summary>
    public const int TestRulePriority = EnvironmentStack.EnvironmentRulePriority - 1;

    /// <summary>
    /// The AWS managed policy for this role: ECS describes the listeners, rules and target groups and modifies the
    /// rules' forward actions (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AmazonECSInfrastructureRolePolicyForLoadBalancers.html,
    /// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSInfrastructureRolePolicyForLoadBalancers.html).
    /// </summary>
    public const string ManagedPolicyName = "AmazonECSInfrastructureRolePolicyForLoadBalancers";

    public sealed record Result(TemplateResource AlternateTargetGroup, TemplateResource TestRule, TemplateResource TestHeader,
        TemplateResource Role, TemplateResource RolePolicy);

    public static Result Add(PulumiTemplate template, EnvironmentNames names, EnvironmentSettings settings, object vpcId,
        TemplateResource listener, Props productionCondition)
    {
        var alternate = Routing.AddTargetGroup(template, names.AlternateTargetGroupName, settings.App.ContainerPort, vpcId,
            settings.App.HealthCheckPath, deregistrationDelaySeconds: 30, LogicalNames.AlternateTargetGroup);
        var header = template.Add(new TemplateResource(LogicalNames.TestHeaderValue, "random:index:RandomId", new Props
        {
            ["byteLength"] = 16,
        }, new ResourceOptions { Version = ProviderVersions.Random }));
        // Starts on the production target group like the production rule; ECS points it at the new tasks during a release.
        var testRule = Routing.AddListenerRule(template, listener.Out("arn"), TestRulePriority, TargetGroupRef(), productionCondition,
            LogicalNames.TestListenerRule, Routing.HeaderCondition(TestHeaderName, header.Out("hex")), trafficOwnedByEcs: true);
        var role = template.Add(new TemplateResource(LogicalNames.LoadBalancerRole, "aws:iam:Role", new Props
        {
            ["name"] = names.LoadBalancerRoleName,
            ["description"] = $"ECS moves {names.ServiceName}'s listener rules between its target groups during a release",
            ["assumeRolePolicy"] = EcsTrust(),
        }));
        var policy = template.Add(new TemplateResource(LogicalNames.LoadBalancerRolePolicy, "aws:iam:RolePolicyAttachment", new Props
        {
            ["role"] = role.Out("name"),
            ["policyArn"] = Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), ":iam::aws:policy/" + ManagedPolicyName),
        }));
        return new Result(alternate, testRule, header, role, policy);
    }

    private static TemplateResourceRef TargetGroupRef() => new(LogicalNames.TargetGroup);

    /// <summary>ECS itself (not its tasks) assumes it, only for this account (the confused-deputy guard).</summary>
    private static Props EcsTrust() => Fn.ToJson(new Props
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new[]
        {
            new Props
            {
                ["Sid"] = "AllowAccessToECSForInfrastructureManagement",
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Service"] = "ecs.amazonaws.com" },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new Props { ["StringEquals"] = new Props { ["aws:SourceAccount"] = Expr.Ref(Policies.AccountVariable) } },
            },
        },
    });
}
