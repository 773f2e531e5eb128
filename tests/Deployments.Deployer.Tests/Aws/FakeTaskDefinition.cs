namespace Deployments.Deployer.Tests.Aws;

/// <summary>A task definition revision the fake ECS server holds: family, revision, its one container's image and status.</summary>
public sealed class FakeTaskDefinition(string family, int revision, string image)
{
    public string Family { get; } = family;
    public int Revision { get; } = revision;
    public string Image { get; } = image;
    /// <summary>ACTIVE until deregistered, then INACTIVE (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html).</summary>
    public string Status { get; set; } = "ACTIVE";
    public string Arn => $"arn:aws:ecs:{FakeAwsServer.Region}:123456789012:task-definition/{Family}:{Revision}";

    /// <summary>Revisions 1..count of a family; <paramref name="image"/> gives each revision's image.</summary>
    public static IEnumerable<FakeTaskDefinition> Revisions(string family, int count, Func<int, string> image) =>
        Enumerable.Range(1, count).Select(r => new FakeTaskDefinition(family, r, image(r)));
}
