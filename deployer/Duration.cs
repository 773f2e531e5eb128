using System.Globalization;
using System.Text.RegularExpressions;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer;

/// <summary>Durations on the command line: a number with d, h or m, combinable (<c>7d</c>, <c>36h</c>, <c>1d12h</c>, <c>90m</c>).</summary>
public static partial class Duration
{
    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?$")]
    private static partial Regex Pattern();

    public static TimeSpan Parse(string option, string text)
    {
        var match = Pattern().Match(text);
        if (text.Length == 0 || !match.Success) throw new UserInputException($"{option}: '{text}' is not allowed: a duration such as 7d, 36h, 1d12h or 90m");
        int Part(string g) => match.Groups[g].Success ? int.Parse(match.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var span = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m"));
        return span > TimeSpan.Zero ? span : throw new UserInputException($"{option}: '{text}' is not allowed: a duration longer than zero");
    }
}
