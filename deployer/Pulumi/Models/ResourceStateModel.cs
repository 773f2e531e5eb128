using System.Text.Json;

namespace Deployments.Deployer.Pulumi.Models;

/// <summary>
/// The part of a step's <c>oldState</c>/<c>newState</c> (<c>apitype.ResourceV3</c>,
/// https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/core.go) the deployer reads; secret values are
/// the string <c>[secret]</c> there (the digest is serialized with <c>showSecrets: false</c>).
/// </summary>
internal sealed class ResourceStateModel
{
    public string? Urn { get; set; }
    public string? Type { get; set; }
    public string? Id { get; set; }
    public bool Custom { get; set; }
    public bool Protect { get; set; }
    public bool RetainOnDelete { get; set; }
    public Dictionary<string, JsonElement>? Inputs { get; set; }
    public Dictionary<string, JsonElement>? Outputs { get; set; }
}
