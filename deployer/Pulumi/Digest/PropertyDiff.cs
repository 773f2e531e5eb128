namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// How one property path changes (<c>add</c>, <c>delete</c>, <c>update</c>, each possibly <c>-replace</c>:
/// https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/plugin/provider.go) and whether old and new
/// inputs were compared (<see cref="InputDiff"/>) rather than old state and new inputs.
/// </summary>
public sealed record PropertyDiff(string Kind, bool InputDiff)
{
    public bool ForcesReplacement => Kind.EndsWith("-replace", StringComparison.Ordinal);

    /// <summary>The kind without its <c>-replace</c> suffix: <c>add</c>, <c>delete</c> or <c>update</c>.</summary>
    public string Change => ForcesReplacement ? Kind[..^"-replace".Length] : Kind;
}
