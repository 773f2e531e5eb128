using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Deployments.Deployer.Tests.Aws;

/// <summary>
/// ECS and CloudWatch Logs on 127.0.0.1 for tests (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html): POST / only, routed on <c>X-Amz-Target</c>,
/// the exact JSON 1.1 content type required, every request's SigV4 signature verified with the test credentials,
/// tasks moving through their statuses per <see cref="FakeAwsScenario"/>, logs with empty pages and the
/// repeated-token end. Records every call.
/// </summary>
public sealed class FakeAwsServer : IDisposable
{
    public const string AccessKey = "AKIDTESTFAKE";
    public const string Secret = "fake-secret-key";
    public const string Region = "eu-west-1";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private int _step;
    private string? _taskArn;
    private readonly List<(int Step, string Line)> _visibleLogs = [];

    public FakeAwsServer(FakeAwsScenario scenario)
    {
        Scenario = scenario;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = System.Threading.Tasks.Task.Run(ServeAsync);
    }

    public FakeAwsScenario Scenario { get; }
    public Uri Endpoint { get; }

    /// <summary>The variables that point an AWS client at this server with its test credentials (the deployer's or a test's).</summary>
    public IReadOnlyDictionary<string, string> ClientVariables => new Dictionary<string, string>
    {
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = Secret,
    };

    /// <summary>Our AWS clients, talking to this server.</summary>
    public Deployer.Aws.AwsClients Clients(IClock clock) => new(Deployer.Aws.AwsSettings.Resolve(ClientVariables, null), clock);
    public List<(string Target, JsonObject Body)> Calls { get; } = [];
    public List<string> Rejections { get; } = [];
    /// <summary>When set, each call is also appended as <c>aws &lt;operation&gt;</c> to this file — the fake pulumi's call
    /// log — so a test sees the one order of CLI and AWS calls.</summary>
    public string? SharedCallLog { get; init; }

    public IReadOnlyList<string> Targets { get { lock (_gate) return Calls.Select(c => c.Target[(c.Target.IndexOf('.') + 1)..]).ToList(); } }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            // Each request on its own task: a request the client abandoned half-sent (an interrupted run) must not
            // block the accept loop, and with it the StopTask the interrupted deployer sends next. State changes are
            // under _gate, and the deployer's own calls are sequential, so the recorded order is unchanged.
            _ = System.Threading.Tasks.Task.Run(() =>
            {
                try { Handle(context); }
                catch (Exception e) { try { Respond(context, 500, "ServerException", e.Message); } catch (Exception) { /* the client is gone */ } }
            });
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        request.InputStream.CopyTo(buffer);
        var body = buffer.ToArray();
        var headers = request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => request.Headers[k]!, StringComparer.Ordinal);
        var target = headers.GetValueOrDefault("x-amz-target") ?? "";
        if (request.HttpMethod != "POST" || request.Url!.AbsolutePath != "/") { Reject(context, 404, "UnknownOperationException", "POST / only"); return; }
        if (headers.GetValueOrDefault("content-type") != "application/x-amz-json-1.1") { Reject(context, 400, "UnknownOperationException", $"content type '{headers.GetValueOrDefault("content-type")}'"); return; }
        var service = target.StartsWith("Logs_20140328.", StringComparison.Ordinal) ? "logs"
            : target.StartsWith("AmazonEC2ContainerRegistry_V20150921.", StringComparison.Ordinal) ? "ecr"
            : target.StartsWith("AnyScaleFrontendService.", StringComparison.Ordinal) ? "application-autoscaling" : "ecs";
        var problem = SigV4Verifier.Verify("POST", "/", "", headers, body, new(AccessKey, Secret, Region, service));
        if (problem is not null) { Reject(context, 403, "InvalidSignatureException", problem); return; }
        var json = JsonNode.Parse(body.Length == 0 ? "{}" : Encoding.UTF8.GetString(body))!.AsObject();
        lock (_gate)
        {
            Calls.Add((target, json));
            if (SharedCallLog is { } log) File.AppendAllText(log, $"aws {target[(target.IndexOf('.') + 1)..]}\n");
            if (Scenario.ThrottleFirst > 0)
            {
                Scenario.ThrottleFirst--;
                Respond(context, 400, "com.amazonaws.coral.availability#ThrottlingException", "Rate exceeded", capital: true);
                return;
            }
            switch (target[(target.IndexOf('.') + 1)..])
            {
                case "RunTask": Ok(context, RunTask()); break;
                case "DescribeTasks": Ok(context, DescribeTasks(json)); break;
                case "StopTask": _step = int.MaxValue; Ok(context, new JsonObject { ["task"] = Task("STOPPED") }); break;
                case "GetLogEvents": Ok(context, GetLogEvents(json)); break;
                case "DescribeServices": Ok(context, DescribeServices(json)); break;
                case "ListTasks": Ok(context, ListTasks(json)); break;
                case "ListTaskDefinitions": Ok(context, ListTaskDefinitions(json)); break;
                case "DescribeTaskDefinition": DescribeTaskDefinition(context, json); break;
                case "DeregisterTaskDefinition": DeregisterTaskDefinition(context, json); break;
                case "DescribeServiceDeployments" when Scenario.Release is not null: Ok(context, Scenario.Release.Describe()); break;
                case "ContinueServiceDeployment" when Scenario.Release is not null:
                    if (Scenario.Release.Continue(json) is { } refused) Respond(context, 400, "InvalidParameterException", refused);
                    else Ok(context, new JsonObject { ["serviceDeploymentArn"] = FakeRelease.Arn });
                    break;
                case "BatchGetImage": Ok(context, BatchGetImage(json)); break;
                case "PutImage": PutImage(context, json); break;
                case "RegisterScalableTarget": RegisterScalableTarget(context, json); break;
                default: Reject(context, 400, "UnknownOperationException", target); break;
            }
        }
    }

    /// <summary>Application Auto Scaling's RegisterScalableTarget (botocore application-autoscaling 2016-02-06): the three
    /// identifying members are required; the answer is the target's ARN, which ends in a random ID.</summary>
    private static void RegisterScalableTarget(HttpListenerContext context, JsonObject request)
    {
        foreach (var member in new[] { "ServiceNamespace", "ResourceId", "ScalableDimension" })
            if (request[member] is not JsonValue) { Respond(context, 400, "ValidationException", $"{member} is required"); return; }
        Ok(context, new JsonObject { ["ScalableTargetARN"] = $"arn:aws:application-autoscaling:{Region}:123456789012:scalable-target/0e1a2b3c4d5e6f708192a3b4c5d6e7f80123" });
    }

    private JsonObject RunTask()
    {
        if (Scenario.RunTaskFailure is { } reason)
            return new JsonObject { ["tasks"] = new JsonArray(), ["failures"] = new JsonArray(new JsonObject { ["reason"] = reason, ["detail"] = "no capacity in the subnet's AZ" }) };
        _taskArn = $"arn:aws:ecs:{Region}:123456789012:task/app-staging/0123456789abcdef0123456789abcdef";
        _step = 0;
        return new JsonObject { ["tasks"] = new JsonArray(Task(Scenario.Statuses[0])), ["failures"] = new JsonArray() };
    }

    private JsonObject ListTasks(JsonObject request)
    {
        var stopped = request["desiredStatus"]?.GetValue<string>() == "STOPPED";
        var arns = stopped && request["serviceName"] is not null ? Scenario.StoppedServiceTasks.Select(t => (JsonNode)t.Arn).ToArray() : [];
        return new JsonObject { ["taskArns"] = new JsonArray(arns) };
    }

    private static JsonObject StoppedTask(FakeStoppedTask t) => new()
    {
        ["taskArn"] = t.Arn, ["taskDefinitionArn"] = t.TaskDefinition, ["lastStatus"] = "STOPPED", ["desiredStatus"] = "STOPPED",
        ["stopCode"] = "EssentialContainerExited", ["stoppedReason"] = t.StoppedReason, ["createdAt"] = 1.7e9,
        ["containers"] = new JsonArray(t.ExitCodes.Select(c =>
        {
            var container = new JsonObject { ["name"] = c.Key, ["lastStatus"] = "STOPPED" };
            if (c.Value is int code) container["exitCode"] = code;
            return (JsonNode)container;
        }).ToArray()),
    };

    private JsonObject DescribeTasks(JsonObject request)
    {
        var service = request["tasks"]!.AsArray().Select(a => a!.GetValue<string>())
            .Select(a => Scenario.StoppedServiceTasks.FirstOrDefault(t => t.Arn == a)).OfType<FakeStoppedTask>().ToList();
        if (service.Count > 0) return new JsonObject { ["tasks"] = new JsonArray(service.Select(t => (JsonNode)StoppedTask(t)).ToArray()), ["failures"] = new JsonArray() };
        var asked = request["tasks"]![0]!.GetValue<string>();
        if (asked != _taskArn) return new JsonObject { ["tasks"] = new JsonArray(), ["failures"] = new JsonArray(new JsonObject { ["arn"] = asked, ["reason"] = "MISSING" }) };
        if (_step != int.MaxValue) _step++;
        var index = Math.Min(_step, Scenario.Statuses.Count - 1);
        if (_step != int.MaxValue && Scenario.LogsAtStep.TryGetValue(_step, out var lines)) _visibleLogs.AddRange(lines.Select(l => (_step, l)));
        return new JsonObject { ["tasks"] = new JsonArray(Task(_step == int.MaxValue ? "STOPPED" : Scenario.Statuses[index])), ["failures"] = new JsonArray() };
    }

    private JsonObject Task(string status)
    {
        var stopped = status == "STOPPED";
        var container = new JsonObject { ["name"] = "app", ["lastStatus"] = stopped ? "STOPPED" : status == "RUNNING" ? "RUNNING" : "PENDING" };
        if (stopped && Scenario.ExitCode is int code && _step != int.MaxValue) container["exitCode"] = code;
        if (stopped && Scenario.ContainerReason is { } reason) container["reason"] = reason;
        var task = new JsonObject
        {
            ["taskArn"] = _taskArn, ["lastStatus"] = status, ["desiredStatus"] = stopped ? "STOPPED" : "RUNNING",
            ["createdAt"] = 1.7e9, ["containers"] = new JsonArray(container),
        };
        if (stopped) { task["stopCode"] = _step == int.MaxValue ? "UserInitiated" : Scenario.StopCode; task["stoppedReason"] = _step == int.MaxValue ? "stopped by user" : Scenario.StoppedReason; }
        return task;
    }

    private int _serviceCalls;

    private JsonObject DescribeServices(JsonObject request)
    {
        var state = Scenario.Rollout[Math.Min(_serviceCalls, Scenario.Rollout.Count - 1)];
        var events = new JsonArray(Enumerable.Range(0, _serviceCalls + 1).Reverse().Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"event-{i}", ["createdAt"] = 1.7e9 + i, ["message"] = $"(service app-staging) event {i}: {Scenario.Rollout[Math.Min(i, Scenario.Rollout.Count - 1)]}",
        }).ToArray());
        _serviceCalls++;
        var old = new JsonObject { ["id"] = "ecs-svc/old", ["status"] = state == "GONE" ? "PRIMARY" : "ACTIVE", ["taskDefinition"] = "arn:aws:ecs:eu-west-1:123456789012:task-definition/app-staging:7",
            ["desiredCount"] = 1, ["runningCount"] = 1, ["failedTasks"] = 0 };
        var deployments = new JsonArray();
        if (state != "GONE")
        {
            var ours = new JsonObject
            {
                ["id"] = "ecs-svc/new", ["status"] = "PRIMARY", ["taskDefinition"] = Scenario.ServiceTaskDefinition, ["desiredCount"] = 1,
                ["runningCount"] = state == "COMPLETED" ? 1 : 0, ["failedTasks"] = state == "FAILED" ? 3 : 0,
            };
            if (!Scenario.NoRolloutState) ours["rolloutState"] = state;
            if (state == "FAILED") ours["rolloutStateReason"] = "ECS deployment circuit breaker: tasks failed to start.";
            deployments.Add(ours);
        }
        if (state != "COMPLETED" || Scenario.NoRolloutState && _serviceCalls < Scenario.Rollout.Count) deployments.Add(old);
        var service = new JsonObject
        {
            ["serviceName"] = request["services"]![0]!.GetValue<string>(), ["status"] = "ACTIVE", ["desiredCount"] = 1, ["runningCount"] = 1,
            ["deployments"] = deployments, ["events"] = events,
        };
        if (Scenario.Release is not null) service["currentServiceDeployment"] = FakeRelease.Arn;
        return new JsonObject { ["services"] = new JsonArray(service), ["failures"] = new JsonArray() };
    }

    // ListTaskDefinitions: familyPrefix is the whole family; sort DESC = newest revision first; pages end without nextToken.
    private JsonObject ListTaskDefinitions(JsonObject request)
    {
        var family = request["familyPrefix"]?.GetValue<string>();
        var status = request["status"]?.GetValue<string>() ?? "ACTIVE";
        var matching = Scenario.TaskDefinitions.Where(t => (family is null || t.Family == family) && t.Status == status);
        var sorted = request["sort"]?.GetValue<string>() == "DESC"
            ? matching.OrderByDescending(t => t.Family, StringComparer.Ordinal).ThenByDescending(t => t.Revision)
            : matching.OrderBy(t => t.Family, StringComparer.Ordinal).ThenBy(t => t.Revision);
        var start = request["nextToken"] is JsonNode token ? int.Parse(token.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var size = Math.Min(request["maxResults"]?.GetValue<int>() ?? 100, Scenario.TaskDefinitionPageSize);
        var all = sorted.ToList();
        var page = all.Skip(start).Take(size).Select(t => (JsonNode)JsonValue.Create(t.Arn)!).ToArray();
        var response = new JsonObject { ["taskDefinitionArns"] = new JsonArray(page) };
        if (start + size < all.Count) response["nextToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }

    private FakeTaskDefinition? FindTaskDefinition(string asked) => Scenario.TaskDefinitions.FirstOrDefault(t =>
        t.Arn == asked || $"{t.Family}:{t.Revision}" == asked || asked.EndsWith($"task-definition/{t.Family}:{t.Revision}", StringComparison.Ordinal));

    private void DescribeTaskDefinition(HttpListenerContext context, JsonObject request)
    {
        var asked = request["taskDefinition"]!.GetValue<string>();
        if (FindTaskDefinition(asked) is not { } t) { Respond(context, 400, "ClientException", "Unable to describe task definition."); return; }
        Ok(context, new JsonObject
        {
            ["taskDefinition"] = new JsonObject
            {
                ["taskDefinitionArn"] = t.Arn, ["family"] = t.Family, ["revision"] = t.Revision, ["status"] = t.Status,
                ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = t.Image, ["essential"] = true }),
            },
        });
    }

    private void DeregisterTaskDefinition(HttpListenerContext context, JsonObject request)
    {
        var asked = request["taskDefinition"]!.GetValue<string>();
        if (FindTaskDefinition(asked) is not { } t) { Respond(context, 400, "ClientException", "The specified task definition does not exist."); return; }
        if (Scenario.DeregisterFailures.Contains(t.Arn)) { Respond(context, 400, "ClientException", "injected failure"); return; }
        t.Status = "INACTIVE";
        Ok(context, new JsonObject { ["taskDefinition"] = new JsonObject { ["taskDefinitionArn"] = t.Arn, ["status"] = t.Status } });
    }

    // ECR (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchGetImage.html): a missing image is a 200 with failures[].
    private JsonObject BatchGetImage(JsonObject request)
    {
        var repository = request["repositoryName"]!.GetValue<string>();
        var id = request["imageIds"]![0]!;
        var tag = id["imageTag"]?.GetValue<string>();
        var digest = id["imageDigest"]?.GetValue<string>();
        var image = Scenario.Images.FirstOrDefault(i => i.Repository == repository && (tag is null || i.Tag == tag) && (digest is null || i.Digest == digest));
        if (image is null)
            return new JsonObject { ["images"] = new JsonArray(), ["failures"] = new JsonArray(new JsonObject { ["imageId"] = id.DeepClone(), ["failureCode"] = "ImageNotFound", ["failureReason"] = "Requested image not found" }) };
        return new JsonObject
        {
            ["images"] = new JsonArray(new JsonObject
            {
                ["registryId"] = "123456789012", ["repositoryName"] = repository,
                ["imageId"] = new JsonObject { ["imageDigest"] = image.Digest, ["imageTag"] = image.Tag },
                ["imageManifest"] = image.Manifest, ["imageManifestMediaType"] = "application/vnd.oci.image.manifest.v1+json",
            }),
            ["failures"] = new JsonArray(),
        };
    }

    // PutImage: the manifest must be one the registry holds (its layers); an existing tag is ImageAlreadyExists (same digest) or, immutable, ImageTagAlreadyExists.
    private void PutImage(HttpListenerContext context, JsonObject request)
    {
        var repository = request["repositoryName"]!.GetValue<string>();
        var tag = request["imageTag"]!.GetValue<string>();
        var manifest = request["imageManifest"]!.GetValue<string>();
        var known = Scenario.Images.FirstOrDefault(i => i.Manifest == manifest);
        if (known is null) { Respond(context, 400, "LayersNotFoundException", "The image layers are not in this registry"); return; }
        var existing = Scenario.Images.FirstOrDefault(i => i.Repository == repository && i.Tag == tag);
        if (existing is not null && existing.Digest == known.Digest) { Respond(context, 400, "ImageAlreadyExistsException", $"Image with digest '{known.Digest}' and tag '{tag}' already exists"); return; }
        if (existing is not null && Scenario.ImmutableRepositories.Contains(repository)) { Respond(context, 400, "ImageTagAlreadyExistsException", $"The image tag '{tag}' already exists and cannot be overwritten because the repository is immutable."); return; }
        if (existing is not null) Scenario.Images.Remove(existing);
        Scenario.Images.Add(new FakeImage(repository, tag, known.Digest, manifest));
        Ok(context, new JsonObject { ["image"] = new JsonObject { ["repositoryName"] = repository, ["imageId"] = new JsonObject { ["imageDigest"] = known.Digest, ["imageTag"] = tag } } });
    }

    // Tokens look like the real ones ("f/<56 digits>/s"); the end is the same token sent back.
    private readonly Dictionary<string, int> _emptyServed = new(StringComparer.Ordinal);

    private JsonObject GetLogEvents(JsonObject request)
    {
        var sent = request["nextToken"]?.GetValue<string>();
        var position = sent is null ? 0 : int.Parse(sent[2..58], System.Globalization.CultureInfo.InvariantCulture);
        if (Scenario.StreamLogs.TryGetValue(request["logStreamName"]!.GetValue<string>(), out var streamLines))
        {
            var page = streamLines.Skip(position).Take(2).Select(l => (JsonNode)new JsonObject { ["timestamp"] = 1_700_000_000_000L, ["message"] = l, ["ingestionTime"] = 1_700_000_000_000L }).ToArray();
            return new JsonObject { ["events"] = new JsonArray(page), ["nextForwardToken"] = Token(position + page.Length), ["nextBackwardToken"] = "b/0/s" };
        }
        var key = sent ?? "head";
        if (_emptyServed.GetValueOrDefault(key) < Scenario.EmptyPagesBeforeData && position < _visibleLogs.Count)
        {
            _emptyServed[key] = _emptyServed.GetValueOrDefault(key) + 1;
            return new JsonObject { ["events"] = new JsonArray(), ["nextForwardToken"] = Token(position), ["nextBackwardToken"] = "b/0/s" };
        }
        var events = _visibleLogs.Skip(position).Take(2).Select(e => (JsonNode)new JsonObject { ["timestamp"] = 1_700_000_000_000L + e.Step, ["message"] = e.Line, ["ingestionTime"] = 1_700_000_000_000L }).ToArray();
        return new JsonObject { ["events"] = new JsonArray(events), ["nextForwardToken"] = Token(position + events.Length), ["nextBackwardToken"] = "b/0/s" };
    }

    private static string Token(int position) => $"f/{position.ToString("D56", System.Globalization.CultureInfo.InvariantCulture)}/s";

    private void Reject(HttpListenerContext context, int status, string code, string message)
    {
        lock (_gate) Rejections.Add($"{code}: {message}");
        Respond(context, status, code, message);
    }

    private static void Ok(HttpListenerContext context, JsonObject body) => Write(context, 200, body);

    private static void Respond(HttpListenerContext context, int status, string code, string message, bool capital = false) =>
        Write(context, status, new JsonObject { ["__type"] = code, [capital ? "Message" : "message"] = message });

    private static void Write(HttpListenerContext context, int status, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
