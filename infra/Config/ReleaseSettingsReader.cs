namespace Deployments.Infra.Config;

/// <summary>
/// Reads <c>releaseStrategy</c> and the keys of the chosen strategy. A key of another strategy is refused (it would
/// silently do nothing). Ranges are ECS's (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html):
/// bake times 0–1440 minutes, canary 0.1–100% (whole percents here, below 100, which would be blue/green), linear
/// steps 3–100%; a PAUSE hook times out after 1–20160 minutes, capped here at a day.
/// With a <c>smokeTest</c>, a blue/green, canary or linear release runs it at the gate, before any production traffic
/// shifts: the gate then defaults to <see cref="MinimumGateMinutes"/> and may not be shorter, or ECS would roll back
/// while the smoke tests still run.
/// </summary>
public static class ReleaseSettingsReader
{
    public const string StrategyKey = "releaseStrategy";
    public const string BakeKey = "bakeMinutes";
    public const string CanaryPercentKey = "canaryPercent";
    public const string CanaryBakeKey = "canaryBakeMinutes";
    public const string LinearStepPercentKey = "linearStepPercent";
    public const string LinearStepBakeKey = "linearStepBakeMinutes";
    public const string GateKey = "releaseGateMinutes";

    /// <summary>Time for the deployer to see the hold (it polls at most every 8 s) and report its verdict, on top of the smoke tests' timeout.</summary>
    public const int GateMarginSeconds = 120;

    /// <summary>The shortest gate that lets smoke tests of <paramref name="timeoutSeconds"/> finish before ECS's hook times out.</summary>
    public static int MinimumGateMinutes(int timeoutSeconds) => (timeoutSeconds + GateMarginSeconds + 59) / 60;

    public static ReleaseSettings Read(ConfigReader config, SmokeTestSettings? smokeTest = null)
    {
        var strategy = config.Choice(StrategyKey, ReleaseSettings.RollingName,
            ReleaseSettings.RollingName, ReleaseSettings.BlueGreenName, ReleaseSettings.CanaryName, ReleaseSettings.LinearName);
        OnlyWith(config, strategy, [BakeKey, GateKey], ReleaseSettings.BlueGreenName, ReleaseSettings.CanaryName, ReleaseSettings.LinearName);
        OnlyWith(config, strategy, [CanaryPercentKey, CanaryBakeKey], ReleaseSettings.CanaryName);
        OnlyWith(config, strategy, [LinearStepPercentKey, LinearStepBakeKey], ReleaseSettings.LinearName);
        var settings = new ReleaseSettings(strategy,
            config.Int(BakeKey, 5, 0, 1440),
            config.Int(CanaryPercentKey, 10, 1, 99),
            config.Int(CanaryBakeKey, 5, 0, 1440),
            config.Int(LinearStepPercentKey, 25, 3, 100),
            config.Int(LinearStepBakeKey, 2, 0, 1440),
            config.Int(GateKey, smokeTest is null ? 0 : MinimumGateMinutes(smokeTest.TimeoutSeconds), 0, 1440));
        if (strategy == ReleaseSettings.RollingName) return ReleaseSettings.Rolling;
        if (smokeTest is not null && settings.GateMinutes < MinimumGateMinutes(smokeTest.TimeoutSeconds))
            config.Problem(GateKey, $"'{settings.GateMinutes}' is not allowed with {SmokeTestSettings.Key}: at least {MinimumGateMinutes(smokeTest.TimeoutSeconds)} "
                + $"({SmokeTestSettings.Key}.timeoutSeconds {smokeTest.TimeoutSeconds} s plus {GateMarginSeconds} s), since the smoke tests run at the gate, before production traffic shifts; leave it out to get that");
        return settings with
        {
            CanaryPercent = strategy == ReleaseSettings.CanaryName ? settings.CanaryPercent : 0,
            CanaryBakeMinutes = strategy == ReleaseSettings.CanaryName ? settings.CanaryBakeMinutes : 0,
            LinearStepPercent = strategy == ReleaseSettings.LinearName ? settings.LinearStepPercent : 0,
            LinearStepBakeMinutes = strategy == ReleaseSettings.LinearName ? settings.LinearStepBakeMinutes : 0,
        };
    }

    private static void OnlyWith(ConfigReader config, string strategy, string[] keys, params string[] strategies)
    {
        if (strategies.Contains(strategy, StringComparer.Ordinal)) return;
        foreach (var key in keys.Where(config.Has))
            config.Problem(key, $"applies only to {StrategyKey} {string.Join(" or ", strategies)} (this environment is '{strategy}'); remove it or change {StrategyKey}");
    }
}
