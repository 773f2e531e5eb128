namespace Deployments.Deployer;

/// <summary>The deployer's exit codes: one per way a run can end that a workflow may want to tell apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A bug or an unclassified failure of a tool we call.</summary>
    public const int Unexpected = 1;
    /// <summary>Bad arguments, config, branch names or event payloads: nothing was changed.</summary>
    public const int UserError = 2;
    /// <summary>The stack stayed locked by another update past the wait limit.</summary>
    public const int Locked = 3;
    /// <summary>Interrupted (Ctrl-C, SIGTERM): Pulumi was told to stop and was waited for.</summary>
    public const int Cancelled = 4;
    /// <summary>The deployment (Pulumi update, rollout or verification) failed.</summary>
    public const int DeploymentFailed = 5;
    /// <summary>The database migration failed; the service was left on its previous image.</summary>
    public const int MigrationFailed = 6;
    /// <summary>The Pulumi CLI is not on PATH or older than <see cref="Pulumi.PulumiVersion.Minimum"/>: install or upgrade it.</summary>
    public const int ToolMissing = 7;
    /// <summary>Every preview load balancer of the parent environment is full (its <c>previewCapacity</c>): refused before anything was created.</summary>
    public const int PreviewCapacityFull = 8;
    /// <summary>The team's smoke tests failed or timed out: an environment was rolled back, a preview keeps running.</summary>
    public const int SmokeTestsFailed = 9;
    /// <summary><c>env review</c>: the preview found changes, none replacing or deleting a stateful or protected resource.</summary>
    public const int ChangesPending = 10;
    /// <summary><c>env review</c>: the preview would replace or delete a stateful or protected resource (database, load balancer, repository, log group, bucket).</summary>
    public const int StatefulChangesPending = 11;
    /// <summary><c>env drift</c> found resources changed or deleted outside Pulumi (what and how is on stdout).</summary>
    public const int DriftDetected = 12;
}
