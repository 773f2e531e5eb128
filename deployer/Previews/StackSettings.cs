using Deployments.Deployer.Errors;
using Deployments.Infra;
using Deployments.Infra.Config;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Previews;

/// <summary>Validated settings of a stack's config, read with the compiler's own readers (one source of truth).</summary>
public static class StackSettings
{
    public static EnvironmentSettings ReadEnvironment(ConfigSource source, string stack) =>
        Read(source, stack, "environment", (config, region, app) => EnvironmentSettingsReader.Read(config, stack, region, app));

    public static PreviewSettings ReadPreview(ConfigSource source, string stack) =>
        Read(source, stack, "preview", (config, region, app) => PreviewSettingsReader.Read(config, region, app, StackName.DiyOrganization, ProjectDirectory.ProjectName));

    private static T Read<T>(ConfigSource source, string stack, string kind, Func<ConfigReader, string, string, T> read)
    {
        // Compiling validates everything (and reports every problem); reading the settings then cannot fail.
        try { StackCompiler.Compile(source, stack, ProjectDirectory.ProjectName); }
        catch (ConfigException e) { throw new UserInputException($"stack '{stack}': {e.Message}"); }
        var config = ConfigReader.ForStack(source, ProjectDirectory.ProjectName);
        var actual = config.String("kind", "");
        if (actual != kind) throw new UserInputException($"stack '{stack}' has kind '{actual}', not '{kind}'");
        var app = config.String("appName", "app");
        return read(config, source.Values["aws:region"], NameRules.TryValidateAppName(app, out _) ? app : "app");
    }
}
