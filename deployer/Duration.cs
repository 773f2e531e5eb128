using System.Globalization;
using System.Text.RegularExpressions;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer;

/// <summary>Durations on the command line: a number with d, h or m, combinable (<c>7d</c>, <c>36h</c>, <c>1d12h</c>, <c>90m</c>).</summary>
public static partial class Duration
{
    /// <summary>Ages (<c>--max-age</c>): ten years is beyond any preview, and far from TimeSpan's limit.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(3650);

    /// <summary>Waits (<c>--timeout</c>, <c>--migration-timeout</c>…): a week, well under the ~49 days a single
    /// Task.Delay accepts (https://learn.microsoft.com/dotnet/api/system.threading.tasks.task.delay).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(7);

    // \z, not $: $ would also accept "7d\n".
    [GeneratedRegex(@"^(?:(?<d>\d{1,9})d)?(?:(?<h>\d{1,9})h)?(?:(?<m>\d{1,9})m)?\z")]
    private static partial Regex Pattern();

    public static TimeSpan Parse(string option, string text) => Parse(option, text, MaxAge);

    public static TimeSpan Parse(string option, string text, TimeSpan max)
    {
        var match = Pattern().Match(text);
        if (text.Length == 0 || !match.Success) throw new UserInputException($"{option}: '{Shown(text)}' is not allowed: a duration such as 7d, 36h, 1d12h or 90m");
        // At most 9 digits per part, so the sum in minutes fits a long and the comparison with the maximum is exact.
        long Part(string g) => match.Groups[g].Success ? long.Parse(match.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = Part("d") * 24 * 60 + Part("h") * 60 + Part("m");
        if (minutes <= 0) throw new UserInputException($"{option}: '{text}' is not allowed: a duration longer than zero");
        if (minutes > (long)max.TotalMinutes)
            throw new UserInputException($"{option}: '{text}' is not allowed: at most {(long)max.TotalDays}d");
        return TimeSpan.FromMinutes(minutes);
    }

    // The text is the user's own option value, never a secret; bounded so a hostile one cannot flood the log.
    private static string Shown(string text) => text.Length <= 40 && !text.Any(char.IsControl) ? text : "(the value given)";
}
