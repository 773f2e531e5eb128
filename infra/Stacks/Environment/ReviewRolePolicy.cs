using Deployments.Infra.Template;
using static Deployments.Infra.Stacks.Environment.PolicyStatements;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// What a pull request's review of the environment may do: read, nothing else. <c>pulumi preview</c> (without
/// <c>--refresh</c>) calls no provider read of existing resources — it diffs the program against the state — so it
/// needs the state (on an S3 backend: list the bucket, get the backend's <c>meta.yaml</c>, the environment's
/// checkpoint and history; a preview takes no lock, https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/backend.go)
/// and the few describe calls the program's lookups make (the same reads as the preview role). No write action, no
/// <c>iam:PassRole</c>, no secret read (Secrets Manager, SSM): pull request code runs with this role.
/// Actions: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html.
/// </summary>
public static class ReviewRolePolicy
{
    public static Props Render(CiPolicyInputs i)
    {
        var statements = new List<Props> { Allow("Read", PreviewRolePolicy.ReadActions, ["*"]) };
        if (i.StateBucket is string bucket) statements.AddRange(StateReadStatements.For(bucket, i.Project, i.Names.Environment));
        return Policies.Document(statements);
    }
}
