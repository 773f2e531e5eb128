using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Aws.Ecs;

/// <summary>
/// The ECS operations the deployer uses, over <see cref="AwsJsonClient"/>. Requests are built as wire JSON with
/// the model's member names; responses are read into domain records here and nowhere else.
/// </summary>
public sealed class EcsClient(AwsJsonClient client)
{
    public int Calls => client.Calls;

    public async Task<(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures)> RunTaskAsync(RunTaskRequest r, CancellationToken ct)
    {
        var overrides = new JsonObject();
        if (r.Command is { Count: > 0 } command)
            overrides["containerOverrides"] = new JsonArray(new JsonObject { ["name"] = r.ContainerName, ["command"] = Strings(command) });
        var response = await client.CallAsync("RunTask", new JsonObject
        {
            ["cluster"] = r.Cluster,
            ["taskDefinition"] = r.TaskDefinition,
            ["count"] = 1,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject
            {
                ["awsvpcConfiguration"] = new JsonObject
                {
                    ["subnets"] = Strings(r.Subnets),
                    ["securityGroups"] = Strings(r.SecurityGroups),
                    ["assignPublicIp"] = "DISABLED",
                },
            },
            ["overrides"] = overrides,
            ["startedBy"] = r.StartedBy,
            ["clientToken"] = r.ClientToken,
        }, ct);
        return (Tasks(response), Failures(response));
    }

    public Task<(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures)> DescribeTasksAsync(string cluster, string taskArn, CancellationToken ct) =>
        DescribeTasksAsync(cluster, [taskArn], ct);

    /// <summary>At most 100 tasks per call (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html).</summary>
    public async Task<(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures)> DescribeTasksAsync(string cluster, IReadOnlyList<string> taskArns, CancellationToken ct)
    {
        var response = await client.CallAsync("DescribeTasks", new JsonObject { ["cluster"] = cluster, ["tasks"] = Strings(taskArns.Take(MaxDescribedTasks)) }, ct);
        return (Tasks(response), Failures(response));
    }

    public const int MaxDescribedTasks = 100;

    /// <summary>
    /// The first page (up to 100) of a service's tasks in <paramref name="desiredStatus"/>; stopped tasks stay listed for
    /// at least an hour (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListServiceTasksAsync(string cluster, string service, string desiredStatus, CancellationToken ct)
    {
        var response = await client.CallAsync("ListTasks", new JsonObject
        {
            ["cluster"] = cluster, ["serviceName"] = service, ["desiredStatus"] = desiredStatus, ["maxResults"] = MaxDescribedTasks,
        }, ct);
        return response.TryGetProperty("taskArns", out var arns) ? arns.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Length > 0).ToList() : [];
    }

    public async Task<(EcsService? Service, IReadOnlyList<EcsFailure> Failures)> DescribeServiceAsync(string cluster, string service, CancellationToken ct)
    {
        var response = await client.CallAsync("DescribeServices", new JsonObject { ["cluster"] = cluster, ["services"] = Strings([service]) }, ct);
        var services = response.TryGetProperty("services", out var list) ? list.EnumerateArray().Select(Service).ToList() : [];
        return (services.FirstOrDefault(), Failures(response));
    }

    private static EcsService Service(JsonElement s) => new(
        Text(s, "serviceName") ?? "",
        Text(s, "status") ?? "",
        Int(s, "desiredCount"),
        Int(s, "runningCount"),
        s.TryGetProperty("deployments", out var deployments)
            ? deployments.EnumerateArray().Select(d => new EcsDeployment(Text(d, "id") ?? "", Text(d, "status") ?? "", Text(d, "taskDefinition") ?? "",
                Int(d, "desiredCount"), Int(d, "runningCount"), Int(d, "failedTasks"), Text(d, "rolloutState"), Text(d, "rolloutStateReason"))).ToList()
            : [],
        s.TryGetProperty("events", out var events)
            ? events.EnumerateArray().Select(e => new EcsServiceEvent(Text(e, "id") ?? "",
                e.TryGetProperty("createdAt", out var at) && at.ValueKind == JsonValueKind.Number ? at.GetDouble() : 0, Text(e, "message") ?? "")).ToList()
            : [])
    {
        CurrentServiceDeployment = Text(s, "currentServiceDeployment"),
    };

    /// <summary>One service deployment by ARN, or null when ECS lists it under failures (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServiceDeployments.html).</summary>
    public async Task<EcsServiceDeployment?> DescribeServiceDeploymentAsync(string arn, CancellationToken ct)
    {
        var response = await client.CallAsync("DescribeServiceDeployments", new JsonObject { ["serviceDeploymentArns"] = Strings([arn]) }, ct);
        if (!response.TryGetProperty("serviceDeployments", out var list)) return null;
        foreach (var d in list.EnumerateArray())
        {
            var target = d.TryGetProperty("targetServiceRevision", out var t) ? t : default;
            return new EcsServiceDeployment(Text(d, "serviceDeploymentArn") ?? arn, Text(d, "status") ?? "", Text(d, "statusReason"), Text(d, "lifecycleStage"),
                Number(target, "requestedProductionTrafficWeight"), Number(target, "requestedTestTrafficWeight"),
                d.TryGetProperty("rollback", out var rollback) ? Text(rollback, "reason") : null,
                d.TryGetProperty("lifecycleHookDetails", out var hooks)
                    ? hooks.EnumerateArray().Select(h => new EcsLifecycleHook(Text(h, "hookId") ?? "", Text(h, "targetType") ?? "", Text(h, "status") ?? "")).ToList()
                    : []);
        }
        return null;
    }

    /// <summary>
    /// Continues (<c>CONTINUE</c>) or rolls back (<c>ROLLBACK</c>) a deployment held by a PAUSE hook
    /// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContinueServiceDeployment.html).
    /// </summary>
    public Task ContinueServiceDeploymentAsync(string arn, string hookId, string action, CancellationToken ct) =>
        client.CallAsync("ContinueServiceDeployment", new JsonObject { ["serviceDeploymentArn"] = arn, ["hookId"] = hookId, ["action"] = action }, ct);

    private static double? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    public Task StopTaskAsync(string cluster, string taskArn, string reason, CancellationToken ct) =>
        client.CallAsync("StopTask", new JsonObject { ["cluster"] = cluster, ["task"] = taskArn, ["reason"] = reason }, ct);

    /// <summary>
    /// Every ACTIVE revision of one family, newest first: <c>familyPrefix</c> (the full family name), <c>status</c>
    /// ACTIVE and <c>sort</c> DESC on every page, following <c>nextToken</c>
    /// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTaskDefinitions.html).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListActiveTaskDefinitionsAsync(string family, CancellationToken ct)
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            var request = new JsonObject { ["familyPrefix"] = family, ["status"] = "ACTIVE", ["sort"] = "DESC", ["maxResults"] = 100 };
            if (next is not null) request["nextToken"] = next;
            var response = await client.CallAsync("ListTaskDefinitions", request, ct);
            if (response.TryGetProperty("taskDefinitionArns", out var list))
                arns.AddRange(list.EnumerateArray().Select(a => a.GetString()).OfType<string>());
            next = Text(response, "nextToken");
        }
        while (next is not null);
        return arns;
    }

    /// <summary>One revision (<c>family:revision</c> or an ARN) with its containers' images (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html).</summary>
    public async Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken ct)
    {
        var response = await client.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = taskDefinition }, ct);
        var d = response.GetProperty("taskDefinition");
        return new EcsTaskDefinition(Text(d, "taskDefinitionArn") ?? "", Text(d, "family") ?? "", Int(d, "revision"), Text(d, "status") ?? "",
            d.TryGetProperty("containerDefinitions", out var containers)
                ? containers.EnumerateArray().Select(c => new EcsContainerImage(Text(c, "name") ?? "", Text(c, "image") ?? "")).ToList()
                : []);
    }

    /// <summary>Marks a revision INACTIVE (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html).</summary>
    public Task DeregisterTaskDefinitionAsync(string arn, CancellationToken ct) =>
        client.CallAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = arn }, ct);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static List<EcsTask> Tasks(JsonElement response) =>
        response.TryGetProperty("tasks", out var tasks) ? tasks.EnumerateArray().Select(Task).ToList() : [];

    private static List<EcsFailure> Failures(JsonElement response) =>
        response.TryGetProperty("failures", out var failures)
            ? failures.EnumerateArray().Select(f => new EcsFailure(Text(f, "arn"), Text(f, "reason"), Text(f, "detail"))).ToList()
            : [];

    private static EcsTask Task(JsonElement t) => new(
        Text(t, "taskArn") ?? "",
        Text(t, "lastStatus") ?? "UNKNOWN",
        Text(t, "stopCode"),
        Text(t, "stoppedReason"),
        t.TryGetProperty("containers", out var containers)
            ? containers.EnumerateArray().Select(c => new EcsContainer(Text(c, "name") ?? "", Text(c, "lastStatus"),
                c.TryGetProperty("exitCode", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null, Text(c, "reason"))).ToList()
            : [])
    {
        TaskDefinitionArn = Text(t, "taskDefinitionArn"),
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
