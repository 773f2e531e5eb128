namespace Deployments.Deployer.Commands;

/// <summary>
/// What commands write to and read from outside themselves: data on <see cref="Out"/>, progress and messages on
/// <see cref="Error"/>, the environment through <see cref="GetVariable"/>. Tests pass their own.
/// </summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, Func<string, string?> GetVariable)
{
    public static CommandContext FromConsole() => new(Console.Out, Console.Error, Environment.GetEnvironmentVariable);
}
