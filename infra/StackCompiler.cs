using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Stacks;
using Deployments.Infra.Stacks.Environment;
using Deployments.Infra.Stacks.Preview;
using Deployments.Infra.Template;

namespace Deployments.Infra;

/// <summary>
/// Config in, template out: no I/O. Without a stack it answers the package-discovery call; with one it validates
/// the whole config (every problem at once, <see cref="ConfigException"/>) and builds that stack's template.
/// </summary>
public static class StackCompiler
{
    /// <summary>
    /// <paramref name="organization"/> is the backend's organization of the stack (<c>PULUMI_ORGANIZATION</c>; on DIY
    /// backends <c>organization</c>), which completes a short <c>parentStack</c> with the project.
    /// </summary>
    public static PulumiTemplate Compile(ConfigSource source, string? stack, string project = PulumiProject.DefaultName, string organization = StackName.DiyOrganization) =>
        CompileStack(source, stack, project, organization).Template;

    /// <summary>As <see cref="Compile"/>, with the validated settings the template was built from.</summary>
    public static CompiledStack CompileStack(ConfigSource source, string? stack, string project = PulumiProject.DefaultName, string organization = StackName.DiyOrganization)
    {
        if (string.IsNullOrEmpty(stack)) return new CompiledStack(DiscoveryStack.Build(project), null, null);

        var config = ConfigReader.ForStack(source, project);
        var region = source.Values.GetValueOrDefault("aws:region");
        if (region is null) config.ProblemWithQualifiedKey("aws:region", "is required: the AWS region, e.g. eu-west-1 (pulumi config set aws:region eu-west-1)");
        else if (!ConfigPatterns.Region().IsMatch(region)) config.ProblemWithQualifiedKey("aws:region", $"{ConfigReader.Shown(region)} is not allowed: an AWS region such as eu-west-1");

        var kind = config.Choice("kind", "", "environment", "preview");
        if (kind.Length == 0 && !config.Has("kind"))
            config.Problem("kind", "is required: environment (staging, production) or preview (one per branch)");
        var appName = config.String("appName", "app");
        if (!NameRules.TryValidateAppName(appName, out var appMessage)) config.Problem("appName", $"{ConfigReader.Shown(appName)} {appMessage}");

        var compiled = kind switch
        {
            "environment" => Build(config, () => EnvironmentSettingsReader.Read(config, stack, region ?? "", appName),
                s => new CompiledStack(EnvironmentStack.Build(s, project, stack), s, null)),
            "preview" => Build(config, () => PreviewSettingsReader.Read(config, region ?? "", appName, organization, project),
                s => new CompiledStack(PreviewStack.Build(s, project, stack), null, s)),
            _ => null,
        };
        // Unknown keys are only meaningful once we know which kind of stack the keys are for.
        if (compiled is not null || kind.Length > 0) config.RejectUnknownKeys();
        config.ThrowIfInvalid();
        return compiled ?? throw new InvalidOperationException("no template was built although the config is valid");
    }

    // Settings are read (collecting problems) before anything is built; a template is built only from valid settings.
    private static CompiledStack? Build<T>(ConfigReader config, Func<T> read, Func<T, CompiledStack> build)
    {
        var settings = read();
        return config.Problems.Count == 0 ? build(settings) : null;
    }
}
