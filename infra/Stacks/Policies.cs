using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>IAM policy documents, rendered with <c>fn::toJSON</c> so they can hold resource ARNs.</summary>
public static class Policies
{
    public const string AccountVariable = "account";
    public const string PartitionVariable = "partition";

    /// <summary>Declares the caller-identity and partition lookups the documents below refer to.</summary>
    public static void AddLookups(PulumiTemplate template)
    {
        template.AddVariable(AccountVariable, Fn.Invoke("aws:index:getCallerIdentity", new Props(), "accountId"));
        template.AddVariable(PartitionVariable, Fn.Invoke("aws:index:getPartition", new Props(), "partition"));
    }

    /// <summary>
    /// Trust policy for ECS tasks, limited to this account's ECS (the confused-deputy guard AWS recommends:
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html).
    /// </summary>
    public static Props EcsTasksTrust() => Fn.ToJson(new Props
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new[]
        {
            new Props
            {
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Service"] = "ecs-tasks.amazonaws.com" },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new Props
                {
                    ["StringEquals"] = new Props { ["aws:SourceAccount"] = Expr.Ref(AccountVariable) },
                },
            },
        },
    });

    public static Props Document(IEnumerable<Props> statements) => Fn.ToJson(new Props
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = statements.ToList(),
    });

    public static Props Allow(string sid, IEnumerable<string> actions, IEnumerable<object> resources) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = actions.ToList(),
        ["Resource"] = resources.ToList(),
    };
}
