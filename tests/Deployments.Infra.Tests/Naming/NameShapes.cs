using System.Text.RegularExpressions;
using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

/// <summary>
/// Every emitted name with the AWS/Pulumi namespace it lives in and its rule (length limit and charset), written
/// here from the sources (each service's API reference, Pulumi's sdk/go/common/tokens, the RDS API reference) rather than from the product's constants,
/// so the tests check the product against the rules and not against itself. A null namespace marks a name every
/// environment of an app shares on purpose (the preview log group prefix).
/// </summary>
public static partial class NameShapes
{
    [GeneratedRegex(@"\A(?=.{1,40}\z)[a-z0-9]+(?:-[a-z0-9]+)*\z")] public static partial Regex Slug();
    [GeneratedRegex(@"\A[A-Za-z0-9_.-]{1,100}\z")] private static partial Regex Stack();
    [GeneratedRegex(@"\A(?=.{1,63}\z)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z")] private static partial Regex DnsLabel();
    [GeneratedRegex(@"\A(?!internal-)(?=.{1,32}\z)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\z")] private static partial Regex LoadBalancer();
    [GeneratedRegex(@"\A(?=.{1,32}\z)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\z")] private static partial Regex TargetGroup();
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,255}\z")] private static partial Regex Ecs();
    [GeneratedRegex(@"\A(?!aws/)[.\-_/#A-Za-z0-9]{1,512}\z")] private static partial Regex LogGroup();
    [GeneratedRegex(@"\A(?=.{1,63}\z)(?!.*--)[A-Za-z][A-Za-z0-9-]*(?<!-)\z")] private static partial Regex DbInstance();
    [GeneratedRegex(@"\A(?!default\z)(?=.{1,255}\z)[A-Za-z][A-Za-z0-9._ -]*\z")] private static partial Regex DbSubnetGroup();
    [GeneratedRegex(@"\A(?!sg-)[A-Za-z0-9 ._\-:/()#,@\[\]+=&;{}!$*]{1,255}\z")] private static partial Regex SecurityGroup();
    [GeneratedRegex(@"\A[A-Za-z0-9_+=,.@-]{1,64}\z")] private static partial Regex IamRole();
    [GeneratedRegex(@"\A(?=.{2,256}\z)[a-z0-9]+(?:[._-][a-z0-9]+)*\z")] private static partial Regex Repository();

    public static IEnumerable<(string? Namespace, string Kind, string Name, Regex Rule)> Of(PreviewNames n) =>
    [
        ("slug", "Slug", n.Slug, Slug()), ("stack", "StackName", n.StackName, Stack()), ("host", "HostLabel", n.HostLabel, DnsLabel()),
        ("target group", "TargetGroupName", n.TargetGroupName, TargetGroup()), ("ecs service", "ServiceName", n.ServiceName, Ecs()),
        ("ecs family", "TaskFamily", n.TaskFamily, Ecs()), ("ecs family", "MigrationTaskFamily", n.MigrationTaskFamily, Ecs()),
        ("log group", "LogGroupName", n.LogGroupName, LogGroup()), ("db instance", "DatabaseIdentifier", n.DatabaseIdentifier, DbInstance()),
        ("security group", "DatabaseSecurityGroupName", n.DatabaseSecurityGroupName, SecurityGroup()),
        ("security group", "TasksSecurityGroupName", n.TasksSecurityGroupName, SecurityGroup()),
        ("db subnet group", "DatabaseSubnetGroupName", n.DatabaseSubnetGroupName, DbSubnetGroup()),
        ("iam role", "ExecutionRoleName", n.ExecutionRoleName, IamRole()),
    ];

    public static IEnumerable<(string? Namespace, string Kind, string Name, Regex Rule)> Of(EnvironmentNames n) =>
    [
        ("stack", "Environment", n.Environment, Stack()), ("ecs cluster", "ClusterName", n.ClusterName, Ecs()),
        ("load balancer", "LoadBalancerName", n.LoadBalancerName, LoadBalancer()), ("target group", "TargetGroupName", n.TargetGroupName, TargetGroup()),
        ("ecs service", "ServiceName", n.ServiceName, Ecs()), ("ecs family", "TaskFamily", n.TaskFamily, Ecs()),
        ("ecs family", "MigrationTaskFamily", n.MigrationTaskFamily, Ecs()), ("log group", "LogGroupName", n.LogGroupName, LogGroup()),
        ("ecr repository", "RepositoryName", n.RepositoryName, Repository()), ("iam role", "ExecutionRoleName", n.ExecutionRoleName, IamRole()),
        ("iam role", "TaskRoleName", n.TaskRoleName, IamRole()), ("iam role", "PreviewExecutionRoleName", n.PreviewExecutionRoleName, IamRole()),
        ("iam role", "PreviewTaskRoleName", n.PreviewTaskRoleName, IamRole()),
        ("security group", "AlbSecurityGroupName", n.AlbSecurityGroupName, SecurityGroup()),
        ("security group", "ServiceSecurityGroupName", n.ServiceSecurityGroupName, SecurityGroup()),
        ("security group", "PreviewSecurityGroupName", n.PreviewSecurityGroupName, SecurityGroup()),
        ("db instance", "DatabaseIdentifier", n.DatabaseIdentifier, DbInstance()),
        ("security group", "DatabaseSecurityGroupName", n.DatabaseSecurityGroupName, SecurityGroup()),
        ("db subnet group", "DatabaseSubnetGroupName", n.DatabaseSubnetGroupName, DbSubnetGroup()),
        (null, "PreviewLogGroupPrefix", n.PreviewLogGroupPrefix, LogGroup()),
    ];
}
