using System.Text.RegularExpressions;

namespace Deployments.Infra.Config;

/// <summary>Patterns and the words that describe them, kept together so messages match the checks.</summary>
public static partial class ConfigPatterns
{
    // Every pattern ends at \z, never $: in .NET $ also matches before a final \n, so "main\n" would pass
    // (https://learn.microsoft.com/dotnet/standard/base-types/anchors-in-regular-expressions).
    // ECR image tags: up to 128 of [A-Za-z0-9_.-], not starting with '.' or '-' (ECR ImageTag pattern).
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z")]
    public static partial Regex ImageTag();
    public const string ImageTagAllowed = "an image tag of 1-128 characters [A-Za-z0-9_.-], not starting with '.' or '-'";

    [GeneratedRegex(@"^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,1023}\z")]
    public static partial Regex HealthPath();
    public const string HealthPathAllowed = "an absolute URL path such as /health";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    public static partial Regex EnvName();
    public const string EnvNameAllowed = "environment variable names of [A-Za-z0-9_], not starting with a digit";

    [GeneratedRegex(@"^arn:aws[a-z-]*:(ssm|secretsmanager):[a-z0-9-]+:\d{12}:(parameter/.+|secret:.+)\z")]
    public static partial Regex SecretArn();
    public const string SecretArnAllowed = "an SSM parameter ARN (arn:aws:ssm:…:parameter/…) or a Secrets Manager ARN (arn:aws:secretsmanager:…:secret:…)";

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/[A-Za-z0-9-]+\z")]
    public static partial Regex CertificateArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(\d{12}|aws):policy/.+\z")]
    public static partial Regex PolicyArn();

    [GeneratedRegex(@"^vpc-[0-9a-f]{8,17}\z")]
    public static partial Regex VpcId();

    [GeneratedRegex(@"^subnet-[0-9a-f]{8,17}\z")]
    public static partial Regex SubnetId();

    [GeneratedRegex(@"^(\d{1,3}\.){3}\d{1,3}/(1[6-9]|2[0-8])\z")]
    public static partial Regex Cidr();

    [GeneratedRegex(@"^Z[A-Z0-9]{1,31}\z")]
    public static partial Regex HostedZoneId();

    // A DNS name of labels ≤63 of [a-z0-9-] (RFC 1035; lower case because ALB host matching is case-insensitive).
    [GeneratedRegex(@"^(?=.{1,253}\z)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\z")]
    public static partial Regex DnsName();
    public const string DnsNameAllowed = "a lower-case DNS name such as app.example.com";

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d\z")]
    public static partial Regex Region();

    [GeneratedRegex(@"^[0-9a-f]{7,40}\z")]
    public static partial Regex GitSha();

    // stack, org/stack or org/project/stack; see Naming/StackName.
    [GeneratedRegex(@"^([A-Za-z0-9_.-]{1,100}/){0,2}[A-Za-z0-9_.-]{1,100}\z")]
    public static partial Regex StackReference();

    // A Pulumi project name (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/tokens/project.go); see PulumiProject.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    public static partial Regex ProjectName();
    public const string ProjectNameAllowed = "a Pulumi project name: 1-100 of A-Z a-z 0-9 _ . -";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,62}\z")]
    public static partial Regex DatabaseName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,15}\z")]
    public static partial Regex DatabaseUser();

    [GeneratedRegex(@"^db\.[a-z0-9]+\.[a-z0-9]+\z")]
    public static partial Regex DbInstanceClass();

    // S3 bucket names: 3-63 of [a-z0-9.-], starting and ending with a letter or digit
    // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\z")]
    public static partial Regex BucketName();
    public const string BucketNameAllowed = "an existing S3 bucket name: 3-63 of a-z, 0-9, '.' and '-', starting and ending with a letter or digit";
}
