using Deployments.Infra;
using Deployments.Infra.Config;
using Deployments.Infra.Template;

// The only file that touches the console, the environment and files. stdout carries the template and nothing
// else (the YAML host parses all of it, https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go); everything for people goes to stderr.
var arguments = CompilerArguments.Parse(args, out var usageError);
if (arguments is null)
{
    Console.Error.WriteLine($"error: {usageError}\n\n{CompilerArguments.Usage}");
    return ExitCodes.Usage;
}
if (arguments.Help)
{
    Console.Error.WriteLine(CompilerArguments.Usage);
    return ExitCodes.Success;
}

// The host passes the project; offline (--stack), it is Pulumi.yaml's name, as the CLI would pass it (PulumiProject).
var pulumiProject = PulumiProject.Resolve(Environment.GetEnvironmentVariable("PULUMI_PROJECT"),
    arguments.Stack is not null && File.Exists("Pulumi.yaml") ? File.ReadAllText("Pulumi.yaml") : null, out var projectProblem);
var project = pulumiProject.Name;
// DIY backends' organization is always "organization"; Pulumi Cloud's is the stack's own (https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go).
var organization = Environment.GetEnvironmentVariable("PULUMI_ORGANIZATION") is { Length: > 0 } o ? o : Deployments.Infra.Naming.StackName.DiyOrganization;
var stack = arguments.Stack ?? Environment.GetEnvironmentVariable("PULUMI_STACK");
var source = arguments.Stack is null
    ? ConfigSource.FromPulumiConfigJson(Environment.GetEnvironmentVariable("PULUMI_CONFIG") is { Length: > 0 } json ? json : "{}")
    : new ConfigSource();
if (projectProblem is not null) source.LoadProblems.Add(projectProblem);
if (arguments.Stack is not null)
{
    var file = arguments.ConfigFile ?? $"Pulumi.{arguments.Stack}.yaml";
    if (File.Exists(file)) StackFileLoader.LoadInto(source, file, project);
    else if (arguments.ConfigFile is not null) source.LoadProblems.Add(new ConfigProblem("--config-file", $"'{file}' does not exist"));
}
source.ApplyOverrides(arguments.Overrides, project);
const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";
// The secret keys: from the deployer (the YAML host does not pass them, https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go) and the stack file's secure: values.
if (Environment.GetEnvironmentVariable(SecretKeysVariable) is { Length: > 0 } secretKeys && !source.TryMarkSecretKeysJson(secretKeys))
{
    // The value is not shown: it lists key names only, but a mistaken export could hold anything.
    Console.Error.WriteLine($"error: {SecretKeysVariable} must be a JSON array of fully qualified config keys, e.g. [\"{project}:env\"] (its value is not shown)");
    return ExitCodes.Usage;
}
if (arguments.Stack is null && stack is { Length: > 0 } && File.Exists($"Pulumi.{stack}.yaml"))
    StackFileLoader.MarkSecureKeys(source, $"Pulumi.{stack}.yaml", project);

try
{
    var template = StackCompiler.Compile(source, stack, project, organization);
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(System.Text.Encoding.UTF8.GetBytes(TemplateSerializer.ToJson(template)));
    return ExitCodes.Success;
}
catch (ConfigException e)
{
    Console.Error.WriteLine($"error: stack '{stack}': {e.Message}");
    return ExitCodes.InvalidConfig;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("DEPLOYMENTS_DEBUG") is null)
{
    // A bug of ours, not the user's: say so plainly; DEPLOYMENTS_DEBUG=1 shows the stack trace.
    Console.Error.WriteLine($"error: the compiler failed unexpectedly: {e.Message} (set DEPLOYMENTS_DEBUG=1 for details)");
    return ExitCodes.Unexpected;
}

