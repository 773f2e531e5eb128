namespace Deployments.Deployer.Commands;

/// <summary>
/// What commands write to and read from outside themselves: data on <see cref="Out"/>, progress and messages on
/// <see cref="Error"/>, and the environment (also handed on to <c>pulumi</c>). Tests pass their own.
/// </summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string> Environment)
{
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Replaces the <c>pulumi</c> process for unit tests of the driver; end-to-end tests use a fake executable.</summary>
    public Pulumi.IPulumiCli? Cli { get; init; }

    /// <summary>Every pulumi invocation of this run, whichever command made it.</summary>
    public Pulumi.PulumiStats Stats { get; } = new();

    public string? GetVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    public static CommandContext FromConsole()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        return new CommandContext(Console.Out, Console.Error, environment);
    }
}
