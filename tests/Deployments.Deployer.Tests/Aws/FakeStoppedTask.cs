namespace Deployments.Deployer.Tests.Aws;

/// <summary>A stopped task of the service, as ListTasks/DescribeTasks report it: its containers' exit codes (null: none).</summary>
public sealed record FakeStoppedTask(string Id, string TaskDefinition, IReadOnlyDictionary<string, int?> ExitCodes, string StoppedReason)
{
    public string Arn => $"arn:aws:ecs:{FakeAwsServer.Region}:123456789012:task/app-staging/{Id}";
}
