namespace Deployments.Infra.Config;

/// <summary>
/// The CPU/memory pairs Fargate accepts for Linux tasks
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
/// Anything else fails only at deploy time, so it is checked here.
/// </summary>
public static class FargateSizes
{
    private static readonly (int Cpu, int MinMemory, int MaxMemory, int Step)[] Table =
    [
        (256, 512, 2048, 512),
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122880, 8192),
    ];

    public static IReadOnlyList<int> CpuUnits { get; } = Table.Select(t => t.Cpu).ToArray();

    public static bool IsValid(int cpu, int memory) =>
        Table.Any(t => t.Cpu == cpu && memory >= t.MinMemory && memory <= t.MaxMemory
            && (memory == 512 || (memory - t.MinMemory) % t.Step == 0));

    public static string Describe(int cpu)
    {
        var row = Table.FirstOrDefault(t => t.Cpu == cpu);
        return row.Cpu == 0
            ? $"cpu must be one of {string.Join(", ", CpuUnits)}"
            : cpu == 256 ? "with cpu 256: 512, 1024 or 2048"
            : $"with cpu {cpu}: {row.MinMemory} to {row.MaxMemory} in steps of {row.Step}";
    }
}
