using Deployments.Deployer.Commands;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>Runs the deployer's real command line in-process with captured output and a given environment.</summary>
public static class DeployerRun
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?>? environment, string[] args, CancellationToken ct)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var variables = (environment ?? new Dictionary<string, string?>()).Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
        var context = new CommandContext(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), variables);
        var code = await DeployerApp.RunAsync(args, context, ct);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static Result Run(IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        RunAsync(environment, args, CancellationToken.None).GetAwaiter().GetResult();

    public static Result Run(params string[] args) => Run(null, args);
}
