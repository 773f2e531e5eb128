namespace Deployments.Deployer.Init;

/// <summary>
/// How the generated Pulumi.yaml runs the compiler: the <c>deployments</c> command on PATH (a global or tool-path
/// install, what the action does), or the version the repository's tool manifest pins
/// (https://learn.microsoft.com/dotnet/core/tools/local-tools-how-to-use).
/// </summary>
public enum CompilerMode
{
    Global,
    Local,
}
