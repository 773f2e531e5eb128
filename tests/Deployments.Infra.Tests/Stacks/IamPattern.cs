using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.Stacks;

/// <summary>
/// IAM's Resource matching: <c>*</c> matches any run of characters (also '/' and ':'), <c>?</c> exactly one, and
/// the comparison is case-sensitive (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html,
/// "Including wildcard characters in the resource ARN"). An independent implementation, so the test does not
/// reuse the code it checks.
/// </summary>
public static class IamPattern
{
    public static bool Matches(string pattern, string arn)
    {
        var regex = "\\A" + string.Concat(pattern.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "\\z";
        return Regex.IsMatch(arn, regex, RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
