using System.Text.RegularExpressions;

namespace Deployments.Infra.Config;

/// <summary>
/// Patterns of the <c>ci</c> config and the words that describe them. Every pattern ends in <c>\z</c>, not
/// <c>$</c>: in .NET <c>$</c> also matches before a final newline, and these values end up in IAM trust conditions.
/// </summary>
public static partial class CiPatterns
{
    /// <summary>
    /// GitHub owner: 1-39 letters, digits and single inner hyphens; repository: 1-100 of letters, digits, '.', '_'
    /// and '-', not "." or ".." (GitHub's sign-up and new-repository forms: https://github.com/join,
    /// https://docs.github.com/en/repositories/creating-and-managing-repositories/creating-a-new-repository).
    /// </summary>
    [GeneratedRegex(@"\A[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/(?!\.\.?\z)[A-Za-z0-9._-]{1,100}\z")]
    public static partial Regex Repository();
    public const string RepositoryAllowed = "OWNER/REPO as GitHub spells it: an owner of 1-39 letters, digits and single inner hyphens, a repository of 1-100 letters, digits, '.', '_' and '-'";

    /// <summary>An IAM OIDC provider ARN for GitHub Actions' issuer (IAM ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).</summary>
    [GeneratedRegex(@"\Aarn:aws[a-z-]*:iam::\d{12}:oidc-provider/token\.actions\.githubusercontent\.com\z")]
    public static partial Regex OidcProviderArn();
    public const string OidcProviderArnAllowed = "the ARN of the account's GitHub OIDC provider, arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com";

    /// <summary>General purpose S3 bucket names: 3-63 of a-z, 0-9, '.' and '-', starting and ending with a letter or digit (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).</summary>
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\z")]
    public static partial Regex BucketName();
    public const string BucketNameAllowed = "an S3 bucket name: 3-63 of a-z, 0-9, '.' and '-', starting and ending with a letter or digit (the bucket of PULUMI_BACKEND_URL s3://<bucket>)";

    /// <summary>A branch name that is safe in the token's <c>sub</c> (<c>repo:O/R:ref:refs/heads/&lt;branch&gt;</c>).</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._/-]{0,254}\z")]
    public static partial Regex Branch();
    public const string BranchAllowed = "a branch name of 1-255 letters, digits, '.', '_', '/' and '-', starting with a letter or digit";
}
