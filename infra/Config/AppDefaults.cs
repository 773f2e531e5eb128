namespace Deployments.Infra.Config;

/// <summary>Defaults that differ between environments and previews (same code, different config).</summary>
public sealed record AppDefaults(int LogRetentionDays, bool Spot, int MinHealthyPercent)
{
    public static AppDefaults Environment { get; } = new(30, false, 100);
    public static AppDefaults Preview { get; } = new(3, true, 0);
}
