namespace Deployments.Infra.Config;

/// <summary>
/// The CPU/memory pairs Fargate accepts for Linux tasks
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
/// Anything else fails only at deploy time, so it is checked here.
/// </summary>
public static class FargateSizes
{
    private sealed record Row(int Cpu, int MinMemory, int MaxMemory, int Step);

    private static readonly Row[] Table =
    [
        new(256, 512, 2048, 512), // only 512, 1024 and 2048: handled apart
        new(512, 1024, 4096, 1024),
        new(1024, 2048, 8192, 1024),
        new(2048, 4096, 16384, 1024),
        new(4096, 8192, 30720, 1024),
        new(8192, 16384, 61440, 4096),
        new(16384, 32768, 122880, 8192),
    ];

    public static IReadOnlyList<int> CpuUnits { get; } = [256, 512, 1024, 2048, 4096, 8192, 16384];

    public static bool IsCpu(int cpu) => Find(cpu) is not null;

    public static bool IsValid(int cpu, int memory) => cpu == 256
        ? memory is 512 or 1024 or 2048
        : Find(cpu) is { } row && memory >= row.MinMemory && memory <= row.MaxMemory && (memory - row.MinMemory) % row.Step == 0;

    public static string Describe(int cpu) => cpu == 256
        ? "with cpu 256: 512, 1024 or 2048"
        : Find(cpu) is { } row
            ? $"with cpu {cpu}: {row.MinMemory} to {row.MaxMemory} in steps of {row.Step}"
            : $"cpu must be one of {string.Join(", ", CpuUnits)}";

    // A loop, not LINQ: start-up time matters here (see bench/compiler-startup.py).
    private static Row? Find(int cpu)
    {
        foreach (var row in Table) if (row.Cpu == cpu) return row;
        return null;
    }
}
