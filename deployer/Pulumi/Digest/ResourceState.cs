using System.Text.Json;

namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// A resource's state in a step (Pulumi's <c>ResourceV3</c>): its type, cloud id, protect and retain-on-delete flags,
/// inputs and outputs. Secret values are the string <c>[secret]</c>: the CLI writes the digest with secrets hidden.
/// </summary>
public sealed record ResourceState(
    string Type,
    string? Id,
    bool Protect,
    bool RetainOnDelete,
    IReadOnlyDictionary<string, JsonElement> Inputs,
    IReadOnlyDictionary<string, JsonElement> Outputs);
