using Deployments.Deployer.Pulumi.Digest;

namespace Deployments.Deployer.Review;

/// <summary>
/// Pure: turns a preview digest into the changes a reviewer reads, and flags the ones that lose data — a
/// <c>replace</c> or <c>delete</c> of a stateful type (<see cref="StatefulTypes"/>) or of a resource marked
/// <c>protect</c>. Pulumi itself refuses to replace or delete a protected resource and fails the preview with an error
/// naming it (https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step_generator.go,
/// <c>step.go</c> DeleteStep.Apply): such an error is a stateful change too, not a broken preview.
/// </summary>
public static class ReviewClassifier
{
    private const string RootStackType = "pulumi:pulumi:Stack";
    private const string ProtectionError = "as it is currently marked for protection";

    public static IReadOnlyList<ResourceChange> Changes(PreviewDigest digest)
    {
        var changes = digest.Changes
            .Where(s => s.Urn.Type != RootStackType)
            .Select(ToChange)
            .ToList();
        // A protected resource Pulumi refused to replace or delete: its step may be missing from the digest.
        foreach (var refused in digest.Errors.Where(IsProtectionError))
        {
            var urn = ResourceUrn.Parse(refused.Urn ?? "");
            var op = refused.Message.Contains("unable to delete", StringComparison.Ordinal) ? StepOps.Delete : StepOps.Replace;
            var index = changes.FindIndex(c => c.Name == urn.Name && c.Type == StatefulTypes.Short(urn.Type));
            var hazard = Hazard(op, urn.Type, isProtected: true) + "; Pulumi refuses it until `protect` is removed";
            if (index >= 0) changes[index] = changes[index] with { Op = op, Hazard = hazard };
            else changes.Add(new ResourceChange(op, urn.Name, StatefulTypes.Short(urn.Type), [], [], hazard));
        }
        return changes.OrderBy(c => c.Hazard is null).ThenBy(c => OpOrder(c.Op)).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    public static ReviewVerdict Verdict(IReadOnlyList<ResourceChange> changes) =>
        changes.Any(c => c.Hazard is not null) ? ReviewVerdict.StatefulChanges
        : changes.Count > 0 ? ReviewVerdict.Changes
        : ReviewVerdict.NoChanges;

    /// <summary>A failed preview whose only errors are protection refusals is still a review (exit 11), not a failure.</summary>
    public static bool OnlyProtectionErrors(PreviewDigest digest) => digest.Errors.Any() && digest.Errors.All(IsProtectionError);

    private static bool IsProtectionError(PreviewDiagnostic d) => d.Message.Contains(ProtectionError, StringComparison.Ordinal);

    private static ResourceChange ToChange(ResourceStep step)
    {
        var op = step.Op switch
        {
            StepOps.CreateReplacement or StepOps.DeleteReplaced or StepOps.ImportReplacement or StepOps.ReadReplacement => StepOps.Replace,
            _ => step.Op,
        };
        var type = step.New?.Type is { Length: > 0 } t ? t : step.Old?.Type is { Length: > 0 } o ? o : step.Urn.Type;
        var losesData = op is StepOps.Replace or StepOps.Delete && (StatefulTypes.Kind(type) is not null || step.Protected);
        return new ResourceChange(op, step.Urn.Name, StatefulTypes.Short(type), step.ChangedProperties, step.ReplaceReasons,
            losesData ? Hazard(op, type, step.Protected) : null);
    }

    private static string Hazard(string op, string type, bool isProtected)
    {
        var what = StatefulTypes.Kind(type) ?? "resource";
        var verb = op == StepOps.Delete ? "DELETES" : "REPLACES (deletes and recreates)";
        return $"{verb} a {(isProtected ? "protected " : "")}{what}: its data, address or history is lost";
    }

    private static int OpOrder(string op) => op switch
    {
        StepOps.Delete => 0,
        StepOps.Replace => 1,
        StepOps.Update => 2,
        StepOps.Create => 3,
        _ => 4,
    };
}
