namespace Deployments.Infra.Tests.Schema;

/// <summary>
/// Maps a Pulumi type token to the TypeScript <c>*Args</c> type of the provider SDK that declares its inputs:
/// <c>aws:ecs:Service</c> and <c>aws:ecs/service:Service</c> → <c>aws.ecs.ServiceArgs</c>;
/// <c>docker-build:Image</c> → <c>dockerbuild.ImageArgs</c>; <c>pulumi:providers:aws</c> → <c>aws.ProviderArgs</c>;
/// <c>pulumi:pulumi:StackReference</c> → <c>pulumi.StackReferenceArgs</c>. An unknown package or type maps to a
/// name TypeScript cannot find, so the check fails on it rather than skipping it.
/// </summary>
public static class TypeTokenMap
{
    /// <summary>npm package → the identifier the generated file imports it as.</summary>
    public static readonly IReadOnlyDictionary<string, string> Imports = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["@pulumi/pulumi"] = "pulumi",
        ["@pulumi/aws"] = "aws",
        ["@pulumi/awsx"] = "awsx",
        ["@pulumi/docker-build"] = "dockerbuild",
        ["@pulumi/random"] = "random",
    };

    public static string ArgsType(string token)
    {
        var parts = token.Split(':');
        if (parts is ["pulumi", "providers", var provider]) return $"{Namespace(provider)}.ProviderArgs";
        if (parts is ["pulumi", "pulumi", "StackReference"]) return "pulumi.StackReferenceArgs";
        var (package, module, type) = parts switch
        {
            [var p, var t] => (p, "index", t),
            [var p, var m, var t] => (p, m.Split('/')[0], t),
            _ => ("unknown", "index", token.Replace(':', '_')),
        };
        return module == "index" ? $"{Namespace(package)}.{type}Args" : $"{Namespace(package)}.{module}.{type}Args";
    }

    private static string Namespace(string package) => package switch
    {
        "aws" => "aws",
        "awsx" => "awsx",
        "docker-build" => "dockerbuild",
        "random" => "random",
        _ => "unknown_package_" + package.Replace('-', '_'),
    };
}
