using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// The members of <see cref="PreviewDefaults"/>, mapped by name once for both sides: the environment writes them as
/// its <c>previewDefaults</c> output (<see cref="Render"/>), the deployer reads them back from its parent's outputs
/// (<see cref="Read"/>) and sets each as the preview stack's config key of the same name (<see cref="ConfigValues"/>).
/// </summary>
public static class PreviewDefaultsOutput
{
    public const string Cpu = "cpu", Memory = "memory", Spot = "spot", LogRetentionDays = "logRetentionDays",
        ContainerPort = "containerPort", HealthCheckPath = "healthCheckPath", HealthCheckGraceSeconds = "healthCheckGraceSeconds",
        MigrationCommand = "migrationCommand", Env = "env", Secrets = "secrets", DatabaseStrategy = "databaseStrategy";

    /// <summary>Every member in output order: an int, bool, string, list of strings, map of strings or the schedule
    /// (only when there is one, so that parents without a schedule keep the output, and their previews the config, of before).</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> Members(PreviewDefaults d) =>
    [
        new(Cpu, d.Cpu),
        new(Memory, d.Memory),
        new(Spot, d.Spot),
        new(LogRetentionDays, d.LogRetentionDays),
        new(ContainerPort, d.ContainerPort),
        new(HealthCheckPath, d.HealthCheckPath),
        new(HealthCheckGraceSeconds, d.HealthCheckGraceSeconds),
        new(MigrationCommand, d.MigrationCommand),
        new(Env, d.Environment),
        new(Secrets, d.Secrets),
        new(DatabaseStrategy, d.DatabaseStrategy),
        new(PostureKeys.TaskEgressOpen, d.TaskEgress.Open),
        new(PostureKeys.TaskEgressRules, d.TaskEgress.ExtraRules.Select(r => r.ToString()).ToList()),
        .. d.Schedule is { } schedule ? [new KeyValuePair<string, object>(PreviewScheduleReader.Key, schedule)] : Array.Empty<KeyValuePair<string, object>>(),
    ];

    /// <summary>The schedule's members as its reader takes them back (<see cref="PreviewScheduleReader"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ScheduleMembers(PreviewSchedule s) =>
    [
        new("days", s.DaysText),
        new("start", PreviewSchedule.Clock(s.Start)),
        new("stop", PreviewSchedule.Clock(s.Stop)),
        new("timeZone", s.TimeZone),
    ];

    /// <summary>
    /// The smoke tests: in the output, read back by the deployer, but not among <see cref="Members"/> — never set as the
    /// preview's config, so that the command a preview's smoke tests run is always the parent's (see <see cref="PreviewDefaults.SmokeTest"/>).
    /// </summary>
    public const string SmokeTest = SmokeTestSettings.Key;

    public static Props Render(PreviewDefaults d)
    {
        var props = new Props();
        foreach (var (name, value) in Members(d))
            props[name] = value switch
            {
                IReadOnlyDictionary<string, string> map => Props.Sorted(map),
                IReadOnlyList<string> list => list.ToList(),
                PreviewSchedule schedule => ScheduleProps(schedule),
                _ => value,
            };
        if (d.SmokeTest is not null) props[SmokeTest] = SmokeTestOutput.Render(d.SmokeTest);
        return props;
    }

    private static Props ScheduleProps(PreviewSchedule schedule)
    {
        var props = new Props();
        foreach (var (name, value) in ScheduleMembers(schedule)) props[name] = value;
        return props;
    }

    /// <summary>As the preview's config holds them: numbers in invariant text, booleans lower case, lists and maps as JSON (maps sorted).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ConfigValues(PreviewDefaults d) =>
        Members(d).Select(m => KeyValuePair.Create(m.Key, m.Value switch
        {
            int number => number.ToString(CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            string text => text,
            IReadOnlyDictionary<string, string> map => JsonText(map),
            IReadOnlyList<string> list => JsonText(list),
            PreviewSchedule schedule => ScheduleJsonText(schedule),
            var other => throw new InvalidOperationException($"preview default '{m.Key}' has no config form for {other.GetType().Name}"),
        }));

    // Built as JSON nodes, not by reflection: the compiler runs inside the Native AOT tool (`deployments compile`).
    // The default encoder is JsonSerializer's, so the text is what it would write.
    private static string JsonText(IReadOnlyDictionary<string, string> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) json[key] = value;
        return json.ToJsonString();
    }

    private static string ScheduleJsonText(PreviewSchedule schedule)
    {
        var json = new JsonObject();
        foreach (var (key, value) in ScheduleMembers(schedule)) json[key] = value;
        return json.ToJsonString();
    }

    private static string JsonText(IReadOnlyList<string> list) => new JsonArray([.. list.Select(s => (JsonNode?)JsonValue.Create(s))]).ToJsonString();

    /// <summary>The output read back. Parents deployed before task egress was configurable lack its members: their previews get the restricted default.</summary>
    public static PreviewDefaults Read(JsonElement d) => new(
        d.GetProperty(Cpu).GetInt32(),
        d.GetProperty(Memory).GetInt32(),
        d.GetProperty(Spot).GetBoolean(),
        d.GetProperty(LogRetentionDays).GetInt32(),
        d.GetProperty(ContainerPort).GetInt32(),
        d.GetProperty(HealthCheckPath).GetString()!,
        d.GetProperty(HealthCheckGraceSeconds).GetInt32(),
        d.GetProperty(MigrationCommand).EnumerateArray().Select(e => e.GetString()!).ToList(),
        d.GetProperty(Env).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
        d.GetProperty(Secrets).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
        d.GetProperty(DatabaseStrategy).GetString()!)
    {
        TaskEgress = Egress(d),
        Schedule = Schedule(d),
        SmokeTest = d.TryGetProperty(SmokeTest, out var smoke) ? SmokeTestOutput.Read(smoke) : null,
    };

    /// <summary>The schedule read back with the same reader as the config, so an output the compiler wrote always reads back the same.</summary>
    private static PreviewSchedule? Schedule(JsonElement d)
    {
        if (!d.TryGetProperty(PreviewScheduleReader.Key, out var s) || s.ValueKind != JsonValueKind.Object) return null;
        var source = new ConfigSource();
        source.Set("o:" + PreviewScheduleReader.Key, s.GetRawText());
        var reader = ConfigReader.ForStack(source, "o");
        var schedule = PreviewScheduleReader.Read(reader);
        return reader.Problems.Count == 0 ? schedule : throw new InvalidOperationException(
            $"the parent's previewDefaults output has an invalid {PreviewScheduleReader.Key}: {string.Join("; ", reader.Problems.Select(p => p.ToString()))}");
    }

    private static EgressSettings Egress(JsonElement d)
    {
        var open = d.TryGetProperty(PostureKeys.TaskEgressOpen, out var o) && o.ValueKind == JsonValueKind.True;
        var rules = d.TryGetProperty(PostureKeys.TaskEgressRules, out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => EgressRule.TryParse(e.GetString() ?? "", out var rule) ? rule : null).OfType<EgressRule>().ToList()
            : [];
        return new EgressSettings(open, rules);
    }
}
