using System.Globalization;
using System.Text.RegularExpressions;

namespace Deployments.Infra.Config;

/// <summary>
/// Reads a <see cref="PreviewSchedule"/> object — <c>{days: Mon-Fri, start: "07:00", stop: "20:00", timeZone: Europe/Paris}</c> —
/// every member required, each problem naming its member. The same reader serves the environment's
/// <c>previewDefaults.schedule</c> and the preview's own <c>schedule</c> (copied from it by the deployer).
/// </summary>
public static partial class PreviewScheduleReader
{
    public const string Key = "schedule";
    public const string DaysAllowed = "day names Mon, Tue, Wed, Thu, Fri, Sat, Sun and ranges of them in that order, separated by commas, e.g. Mon-Fri or Mon,Wed,Fri-Sun";
    public const string TimeAllowed = "a time of day HH:MM on a 24-hour clock, e.g. \"07:00\" (quoted in YAML)";
    public const string TimeZoneAllowed = "an IANA time zone name such as Europe/Paris, America/New_York or UTC";

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]\z")]
    private static partial Regex Time();

    [GeneratedRegex(@"^[A-Za-z0-9_+/-]{1,64}\z")]
    private static partial Regex TimeZoneName();

    public static PreviewSchedule? Read(ConfigReader config)
    {
        var section = config.Object(Key);
        if (section is null) return null;
        var days = ReadDays(section);
        var start = ReadTime(section, "start");
        var stop = ReadTime(section, "stop");
        var zone = ReadTimeZone(section);
        if (start is not null && start == stop) section.Problem("stop", "must differ from start (a preview that never stops needs no schedule: remove it)");
        section.RejectUnknownKeys();
        return days is null || start is null || stop is null || zone is null || start == stop ? null : new PreviewSchedule(days, start.Value, stop.Value, zone);
    }

    private static List<DayOfWeek>? ReadDays(ConfigReader section)
    {
        var text = section.RequiredString("days", DaysAllowed);
        if (!section.Has("days")) return null;
        var chosen = new SortedSet<int>();
        foreach (var part in text.Split(','))
        {
            var ends = part.Trim().Split('-');
            var first = ends.Length is 1 or 2 ? Day(ends[0]) : null;
            var last = ends.Length == 2 ? Day(ends[1]) : first;
            if (first is null || last is null || last < first)
            {
                section.Problem("days", $"{ConfigReader.Shown(text)} is not allowed: {DaysAllowed}");
                return null;
            }
            for (var d = first.Value; d <= last.Value; d++) chosen.Add(d);
        }
        return chosen.Select(i => PreviewSchedule.Week[i]).ToList();
    }

    private static int? Day(string name)
    {
        for (var i = 0; i < 7; i++)
            if (string.Equals(name.Trim(), PreviewSchedule.Name(i), StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    private static TimeOnly? ReadTime(ConfigReader section, string key)
    {
        var text = section.RequiredString(key, TimeAllowed);
        if (!section.Has(key)) return null;
        if (Time().IsMatch(text)) return TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
        section.Problem(key, $"{ConfigReader.Shown(text)} is not allowed: {TimeAllowed}");
        return null;
    }

    // .NET knows the zones of the machine's tz database (/usr/share/zoneinfo on Linux); an IANA id is required,
    // since Application Auto Scaling takes IANA names (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html).
    private static string? ReadTimeZone(ConfigReader section)
    {
        var text = section.RequiredString("timeZone", TimeZoneAllowed);
        if (!section.Has("timeZone")) return null;
        if (TimeZoneName().IsMatch(text) && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) && zone.HasIanaId) return text;
        section.Problem("timeZone", $"{ConfigReader.Shown(text)} is not allowed: {TimeZoneAllowed} (one this machine's time zone database knows)");
        return null;
    }
}
