using Deployments.Infra.Template;
using static Deployments.Infra.Stacks.Environment.PolicyStatements;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// The permissions boundary every role a preview creates must carry: the most any preview role can ever do,
/// whatever policy the pull request's code puts on it — pull the pull requests' images (the preview repository), write the previews' log
/// groups, and read the secrets the environment's preview defaults name (and previews' own RDS-managed database
/// secrets). A boundary grants nothing by itself; it caps (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
/// </summary>
public static class PreviewBoundaryPolicy
{
    public static Props Render(CiPolicyInputs i)
    {
        var a = i.Arns;
        var statements = new List<Props>
        {
            // GetAuthorizationToken has no resource-level permissions (ECR reference).
            Allow("EcrToken", ["ecr:GetAuthorizationToken"], ["*"]),
            Allow("EcrPull", ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], [a.Repository(i.Names.PreviewRepositoryName)]),
            Allow("PreviewLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [a.LogGroup(i.Names.PreviewLogGroupPrefix + "*")]),
            // RDS tags the master secret it manages with its instance's ARN, so a preview reads only its own database's.
            Allow("PreviewDatabaseSecrets", ["secretsmanager:GetSecretValue"], [a.Secret("rds!db-*")],
                new Props { ["StringLike"] = new Props { ["secretsmanager:ResourceTag/aws:rds:primaryDBInstanceArn"] = a.DbInstance(i.PreviewNamePattern) } }),
        };
        var ssm = i.PreviewSecretArns.Where(s => s.Contains(":ssm:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ssm.Count > 0) statements.Add(Allow("PreviewParameters", ["ssm:GetParameters"], ssm));
        var secrets = i.PreviewSecretArns.Where(s => s.Contains(":secretsmanager:", StringComparison.Ordinal)).Select(ExecutionPolicy.SecretArnOnly)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (secrets.Count > 0) statements.Add(Allow("PreviewSecrets", ["secretsmanager:GetSecretValue"], secrets));
        return Policies.Document(statements);
    }
}
