using Deployments.Deployer.Cost;
using Deployments.Deployer.Environments;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Previews;
using Deployments.Deployer.Pulumi;
using Deployments.Deployer.Pulumi.Digest;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Review;

/// <summary>
/// Reviews one environment: <c>pulumi preview --json</c> of the checked-out program and <c>Pulumi.ENV.yaml</c>, with the
/// image the environment runs (which
/// changes nothing: no update, no lock, no state written), classified by <see cref="ReviewClassifier"/>, and the cost
/// delta between the config of the environment's last successful update (its history entry) and the checked-out one,
/// priced by <c>plan</c>'s estimator.
/// </summary>
public sealed class EnvironmentReviewer(PulumiWorkspace workspace, StackCompilation compilation, string directory, RegionalCostEstimator estimator)
{
    /// <summary>How far back the last successful update is looked for.</summary>
    private const int HistoryDepth = 20;

    /// <summary>Refuses, before any call, an environment without its stack file: the review is of the checked-out config.</summary>
    public string RequireStackFile(string environment)
    {
        var file = Path.Combine(directory, $"Pulumi.{environment}.yaml");
        return File.Exists(file) ? file : throw new UserInputException($"environment '{environment}': no stack file Pulumi.{environment}.yaml in {directory}; a review previews the checked-out config");
    }

    public async Task<EnvironmentReview> ReviewAsync(string environment, CancellationToken ct)
    {
        var file = RequireStackFile(environment);
        // Also tells the compiler which config keys are secret (PULUMI_CONFIG_SECRET_KEYS) before it runs.
        await workspace.GetConfigAsync(environment, ct);
        // A release sets the image on the runner and never commits it (ReleaseConfig), so the checked-in imageTag is not
        // what runs, and previewing it would show the task definitions changing on every pull request. The preview reads
        // a copy of the file holding what the environment runs: what a merge's deploy changes besides its new image.
        var running = ReleaseConfig.Running(new StackOutputs(environment, await workspace.OutputsAsync(environment, ct)), workspace.Project);
        using var copy = running.Count > 0 ? ConfigFileCopy.Of(file) : null;
        if (copy is not null) await workspace.SetConfigValuesInFileAsync(environment, copy.Path, running, ct);
        PreviewDigest digest;
        try { digest = await workspace.PreviewAsync(environment, ct, copy?.Path); }
        catch (PreviewFailedException failed) when (ReviewClassifier.OnlyProtectionErrors(failed.Digest)) { digest = failed.Digest; }
        var history = await workspace.HistoryAsync(environment, HistoryDepth, ct);
        return new EnvironmentReview(environment, ReviewClassifier.Changes(digest), Cost(environment, file, history.FirstOrDefault(h => h.Kind == "update" && h.Succeeded)));
    }

    private CostDelta Cost(string environment, string file, UpdateRecord? last)
    {
        CostEstimate after;
        try
        {
            var source = new ConfigSource();
            StackFileLoader.LoadInto(source, file, compilation.Project.Name);
            after = estimator.Environment(compilation.Environment(source, environment).Settings);
        }
        catch (UserInputException e) { return new CostDelta(null, null, null, $"the checked-out config does not compile: {e.Message}"); }
        if (after.Unavailable is { } why) return new CostDelta(null, null, null, why);
        if (last is null) return new CostDelta(0m, after.MonthlyTotal, after.Currency, "never deployed");
        try
        {
            // Secret values are not in the history (null): the compiler refuses secrets in its namespace anyway.
            var config = last.Config.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
            var before = estimator.Environment(compilation.Environment(compilation.Source(config), environment).Settings);
            return new CostDelta(before.MonthlyTotal, after.MonthlyTotal, after.Currency, null);
        }
        catch (UserInputException)
        {
            return new CostDelta(null, after.MonthlyTotal, after.Currency, "the last update's config does not compile with this version, so there is no delta");
        }
    }
}
