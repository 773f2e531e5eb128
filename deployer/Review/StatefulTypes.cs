namespace Deployments.Deployer.Review;

/// <summary>
/// Resource types that hold data or identity a replacement or deletion loses for good: the database, the load
/// balancer (its DNS name, which records and clients point at), the image repository, log groups and buckets. Keyed
/// by the short type token the template uses; a URN's canonical token (<c>aws:rds/instance:Instance</c>) is shortened
/// first (https://www.pulumi.com/docs/iac/concepts/resources/names/#types).
/// </summary>
public static class StatefulTypes
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["aws:rds:Instance"] = "database",
        ["aws:rds:Cluster"] = "database cluster",
        ["aws:lb:LoadBalancer"] = "load balancer",
        ["aws:ecr:Repository"] = "container image repository",
        ["aws:cloudwatch:LogGroup"] = "log group",
        ["aws:s3:Bucket"] = "S3 bucket",
        ["aws:dynamodb:Table"] = "DynamoDB table",
        ["aws:efs:FileSystem"] = "file system",
    };

    /// <summary>What the resource is, in words, when its type is stateful; else null.</summary>
    public static string? Kind(string type) => Kinds.GetValueOrDefault(Short(type));

    /// <summary><c>aws:rds/instance:Instance</c> → <c>aws:rds:Instance</c>; a short token stays as it is.</summary>
    public static string Short(string type)
    {
        var parts = type.Split(':');
        if (parts.Length != 3) return type;
        var slash = parts[1].IndexOf('/');
        return slash < 0 ? type : $"{parts[0]}:{parts[1][..slash]}:{parts[2]}";
    }
}
