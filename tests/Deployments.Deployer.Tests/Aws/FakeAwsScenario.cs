namespace Deployments.Deployer.Tests.Aws;

/// <summary>What the fake ECS/Logs server does with a migration task; each test sets what it needs.</summary>
public sealed class FakeAwsScenario
{
    /// <summary>Statuses a task goes through, one per DescribeTasks call; the last repeats.</summary>
    public List<string> Statuses { get; init; } = ["PROVISIONING", "PENDING", "RUNNING", "RUNNING", "STOPPED"];
    public int? ExitCode { get; init; } = 0;
    public string? StopCode { get; init; } = "EssentialContainerExited";
    public string? StoppedReason { get; init; } = "Essential container in task exited";
    public string? ContainerReason { get; init; }
    /// <summary>Log lines that become visible at each DescribeTasks step (index = step).</summary>
    public Dictionary<int, string[]> LogsAtStep { get; init; } = new() { [2] = ["INFO  [alembic] Running upgrade a1 -> b2"], [4] = ["INFO  [alembic] done"] };
    /// <summary>RunTask answers 200 with this in <c>failures[]</c> and no task.</summary>
    public string? RunTaskFailure { get; init; }
    /// <summary>The first N calls get 400 ThrottlingException (in the prefixed <c>__type</c> form).</summary>
    public int ThrottleFirst { get; set; }
    /// <summary>The task definition the service's new deployment runs (what the verifier looks for).</summary>
    public string ServiceTaskDefinition { get; set; } = "arn:aws:ecs:eu-west-1:123456789012:task-definition/app-staging:8";
    /// <summary>Rollout states of that deployment, one per DescribeServices call (last repeats); "GONE" = rolled back and removed.</summary>
    public List<string> Rollout { get; init; } = ["IN_PROGRESS", "IN_PROGRESS", "COMPLETED"];
    /// <summary>Leave out rolloutState (services whose controller does not report it).</summary>
    public bool NoRolloutState { get; init; }
    /// <summary>The service's stopped tasks (ListTasks with <c>desiredStatus: STOPPED</c>, then DescribeTasks).</summary>
    public List<FakeStoppedTask> StoppedServiceTasks { get; init; } = [];
    /// <summary>Log lines of these streams, all visible at once (other streams get the migration task's lines).</summary>
    public Dictionary<string, string[]> StreamLogs { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Every GetLogEvents call first returns this many empty pages that are not the end.</summary>
    public int EmptyPagesBeforeData { get; init; } = 1;
    /// <summary>The task definition revisions ECS holds (ListTaskDefinitions, DescribeTaskDefinition, DeregisterTaskDefinition).</summary>
    public List<FakeTaskDefinition> TaskDefinitions { get; init; } = [];
    /// <summary>ARNs whose DeregisterTaskDefinition answers 400 ClientException.</summary>
    public HashSet<string> DeregisterFailures { get; init; } = [];
    /// <summary>ListTaskDefinitions returns at most this many ARNs a page (less than maxResults, to exercise nextToken).</summary>
    public int TaskDefinitionPageSize { get; init; } = 5;
    /// <summary>The images ECR holds (BatchGetImage, PutImage).</summary>
    public List<FakeImage> Images { get; init; } = [];
    /// <summary>Repositories whose tags are immutable: PutImage of an existing tag with another digest fails.</summary>
    public HashSet<string> ImmutableRepositories { get; init; } = [];
    /// <summary>A blue/green, canary or linear service deployment (DescribeServices names it as <c>currentServiceDeployment</c>).</summary>
    public FakeRelease? Release { get; init; }
}
