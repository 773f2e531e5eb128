using System.Text.Json;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Json;
using Deployments.Deployer.Pulumi.Models;

namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// Reads the digest <c>pulumi preview --json</c> and <c>pulumi refresh --preview-only --json</c> print (one JSON
/// document on stdout, https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/json.go) into domain records.
/// Only the source-generated context is used (Native AOT).
/// </summary>
public static class PreviewDigestReader
{
    /// <summary>The digest in <paramref name="json"/>; output that is not one is a <see cref="DeploymentFailedException"/> naming <paramref name="command"/>.</summary>
    public static PreviewDigest Read(string json, string command)
    {
        PreviewDigestModel model;
        try { model = JsonSerializer.Deserialize(json, DeployerJsonContext.Default.PreviewDigestModel) ?? throw new JsonException("empty output"); }
        catch (JsonException e)
        {
            throw new DeploymentFailedException($"pulumi {command} printed JSON the deployer cannot read as a preview digest ({e.Message})");
        }
        return ToDomain(model);
    }

    /// <summary>Like <see cref="Read(string, string)"/>, or null when stdout holds no JSON document at all (a run that failed before the engine started).</summary>
    public static PreviewDigest? TryRead(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize(json, DeployerJsonContext.Default.PreviewDigestModel) is { } m ? ToDomain(m) : null; }
        catch (JsonException) { return null; }
    }

    private static PreviewDigest ToDomain(PreviewDigestModel m) => new(
        (m.Steps ?? []).Select(ToDomain).ToList(),
        m.ChangeSummary ?? [],
        (m.Diagnostics ?? []).Select(d => new PreviewDiagnostic(d.Urn, (d.Prefix ?? "") + (d.Message ?? ""), d.Severity ?? "info")).ToList(),
        // Nanoseconds; TimeSpan counts 100 ns ticks.
        TimeSpan.FromTicks(m.Duration / 100),
        m.MaybeCorrupt);

    private static ResourceStep ToDomain(PreviewStepModel s) => new(
        s.Op,
        ResourceUrn.Parse(s.Urn),
        s.Provider,
        ToDomain(s.OldState),
        ToDomain(s.NewState),
        s.DiffReasons ?? [],
        s.ReplaceReasons ?? [],
        s.DetailedDiff?.ToDictionary(d => d.Key, d => new PropertyDiff(d.Value.Kind, d.Value.InputDiff), StringComparer.Ordinal));

    private static ResourceState? ToDomain(ResourceStateModel? r) => r is null ? null : new(
        r.Type ?? "", r.Id, r.Protect, r.RetainOnDelete, r.Inputs ?? [], r.Outputs ?? []);
}
