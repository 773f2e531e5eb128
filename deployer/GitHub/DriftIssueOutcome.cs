namespace Deployments.Deployer.GitHub;

/// <summary>What <see cref="DriftIssue.SyncAsync"/> did to the environment's drift issue.</summary>
public enum DriftIssueOutcome
{
    /// <summary>No drift and no open issue of ours: nothing to do.</summary>
    None,
    Opened,
    Edited,
    Closed,
    /// <summary>GitHub could not be asked or did not answer (a warning says why): nothing was written.</summary>
    Skipped,
}
