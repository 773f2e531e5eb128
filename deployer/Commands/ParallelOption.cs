using System.CommandLine;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Commands;

/// <summary>
/// <c>--parallel N</c>: how many previews a command works on at once, each through its own <c>pulumi</c> process.
/// At most <see cref="Max"/>: a <c>pulumi destroy</c> runs the CLI, the language host and the AWS provider plugin,
/// a few hundred MB together, so 32 at once already fills a standard GitHub-hosted runner's 16 GB
/// (https://docs.github.com/en/actions/using-github-hosted-runners/using-github-hosted-runners/about-github-hosted-runners).
/// </summary>
public sealed class ParallelOption(int defaultValue, string what)
{
    public const int Max = 32;

    public Option<int> Option { get; } = new("--parallel") { Description = $"How many {what} at once (1 to {Max})", DefaultValueFactory = _ => defaultValue };

    public int Read(ParseResult result)
    {
        var value = result.GetValue(Option);
        if (value is < 1 or > Max) throw new UserInputException($"--parallel: '{value}' is not allowed: a whole number from 1 to {Max}");
        return value;
    }
}
