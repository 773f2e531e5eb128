namespace Deployments.Infra.Config;

/// <summary>Service auto scaling: task count bounds and target-tracking utilisation targets (percent).</summary>
public sealed record ScalingSettings(int MinTasks, int MaxTasks, int CpuTarget, int MemoryTarget);
