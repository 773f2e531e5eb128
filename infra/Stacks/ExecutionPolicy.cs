using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// The least-privilege task execution policy: pull from one repository, write to named log groups, read exactly
/// the secrets the containers name. It replaces the managed AmazonECSTaskExecutionRolePolicy, which allows
/// every repository and log group in the account.
/// </summary>
public static class ExecutionPolicy
{
    public static Props Render(object repositoryArn, IEnumerable<object> logGroupArns, IEnumerable<string> secretArns,
        IEnumerable<object> extraSecretsManagerArns)
    {
        var statements = new List<Props>
        {
            // GetAuthorizationToken has no resource-level permissions (ECR IAM reference).
            Policies.Allow("EcrToken", ["ecr:GetAuthorizationToken"], ["*"]),
            Policies.Allow("EcrPull", ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], [repositoryArn]),
            Policies.Allow("Logs", ["logs:CreateLogStream", "logs:PutLogEvents"], logGroupArns.ToList()),
        };
        var arns = secretArns.ToList();
        var ssm = arns.Where(a => a.Contains(":ssm:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ssm.Count > 0) statements.Add(Policies.Allow("SsmParameters", ["ssm:GetParameters"], ssm));
        var secrets = arns.Where(a => a.Contains(":secretsmanager:", StringComparison.Ordinal)).Select(SecretArnOnly)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<object>().Concat(extraSecretsManagerArns).ToList();
        if (secrets.Count > 0) statements.Add(Policies.Allow("Secrets", ["secretsmanager:GetSecretValue"], secrets));
        return Policies.Document(statements);
    }

    /// <summary>
    /// ECS accepts <c>arn:…:secret:name-AbCdEf:json-key:version-stage:version-id</c>; IAM needs the secret's own
    /// ARN, its first seven colon-separated parts.
    /// </summary>
    public static string SecretArnOnly(string valueFrom) => string.Join(':', valueFrom.Split(':').Take(7));
}
