using System.Globalization;

namespace Deployments.Infra.Config;

/// <summary>
/// When an environment's previews run (<c>previewDefaults.schedule</c>): on <see cref="Days"/> from <see cref="Start"/> to
/// <see cref="Stop"/> in <see cref="TimeZone"/> (an IANA name). Outside it the preview's service is scaled to zero tasks
/// by Application Auto Scaling scheduled actions, which take cron expressions evaluated in that time zone
/// (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html).
/// A stop earlier than the start means the preview runs overnight: it stops on the day after each scheduled day.
/// </summary>
public sealed record PreviewSchedule(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly Stop, string TimeZone)
{
    /// <summary>Weeks in an average month, 365 / 12 / 7 ≈ 4.345: the 730-hour month AWS prices by (8760 / 12) is 24 × 7 × this,
    /// so a schedule of every day, all day, costs exactly what a preview running all month does.</summary>
    public const double WeeksPerMonth = 365.0 / 12 / 7;

    /// <summary>Monday first, as people write a working week; the order <see cref="Days"/> is kept in.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Running hours of each scheduled day (a stop before the start runs past midnight).</summary>
    public double HoursPerDay => ((Stop - Start).TotalHours + 24) % 24;

    /// <summary>Running hours a month: days × hours a day × weeks a month.</summary>
    public double HoursPerMonth => Days.Count * HoursPerDay * WeeksPerMonth;

    /// <summary>The days as written back: runs of three or more consecutive days as ranges (<c>Mon-Fri</c>), others listed (<c>Sat,Sun</c>).</summary>
    public string DaysText
    {
        get
        {
            var parts = new List<string>();
            var indexes = Days.Select(d => IndexOf(d)).ToList();
            for (var i = 0; i < indexes.Count;)
            {
                var j = i;
                while (j + 1 < indexes.Count && indexes[j + 1] == indexes[j] + 1) j++;
                if (j - i >= 2) parts.Add($"{Name(indexes[i])}-{Name(indexes[j])}");
                else for (var k = i; k <= j; k++) parts.Add(Name(indexes[k]));
                i = j + 1;
            }
            return string.Join(",", parts);
        }
    }

    /// <summary>For people: <c>Mon-Fri 07:00–20:00 Europe/Paris</c>.</summary>
    public string Describe() => $"{DaysText} {Clock(Start)}–{Clock(Stop)} {TimeZone}";

    /// <summary>The cron expression of the scale-up: minute, hour, any day of the month, every month, the days, every year.</summary>
    public string StartCron => Cron(Start, Days);

    /// <summary>The cron expression of the scale-down; overnight schedules stop on the following days.</summary>
    public string StopCron => Cron(Stop, Stop > Start ? Days : Days.Select(d => (DayOfWeek)(((int)d + 1) % 7)).OrderBy(IndexOf).ToList());

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Name(int mondayFirstIndex) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(Week[mondayFirstIndex]);

    public static int IndexOf(DayOfWeek day) => ((int)day + 6) % 7;

    // Application Auto Scaling cron: cron(Minutes Hours Day-of-month Month Day-of-week Year), days named SUN-SAT
    // (https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html).
    private static string Cron(TimeOnly time, IEnumerable<DayOfWeek> days) =>
        string.Create(CultureInfo.InvariantCulture,
            $"cron({time.Minute} {time.Hour} ? * {string.Join(",", days.Select(d => Name(IndexOf(d)).ToUpperInvariant()))} *)");
}
