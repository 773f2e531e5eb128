using Deployments.Deployer.Commands;

namespace Deployments.Deployer.Tests.TestSupport;

/// <summary>Runs the deployer's real command line in-process with captured output and a given environment.</summary>
public static class DeployerRun
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CommandContext(stdout, stderr, name => environment?.GetValueOrDefault(name));
        var code = DeployerApp.RunAsync(args, context).GetAwaiter().GetResult();
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static Result Run(params string[] args) => Run(null, args);
}
