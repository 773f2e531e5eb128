using Deployments.Deployer.Aws;
using Deployments.Deployer.Errors;
using Deployments.Deployer.Pulumi;
using Deployments.Infra.Config;
using Deployments.Infra.Stacks;

namespace Deployments.Deployer.Environments;

/// <summary>
/// <c>env promote FROM TO</c>, up to TO's release: the image FROM's service runs right now (its deployment's task
/// definition, not its config), resolved to a digest in FROM's repository (ECR BatchGetImage) and, when TO has its own
/// repository, put there under the same tag with the same manifest (PutImage: no docker, no rebuild). The digest is
/// checked in TO's repository before anything is deployed. Nothing is changed when a check refuses.
/// </summary>
public sealed class EnvironmentPromoter(PulumiWorkspace pulumi, IReadOnlyDictionary<string, string> environment, IClock clock, TextWriter log)
{
    public sealed record Promotion(string Tag, string Digest);

    /// <summary>Checks and copies; <paramref name="expectedTag"/>, when given, is the only tag FROM may be running.</summary>
    public async Task<Promotion> PrepareAsync(string from, string to, string? expectedTag, CancellationToken ct)
    {
        var last = (await pulumi.NumberedHistoryAsync(from, 1, ct)).FirstOrDefault();
        if (last is null || !last.Succeeded)
            throw new UserInputException($"'{from}' cannot be promoted: its last update {(last is null ? "never ran" : $"({last.Kind} {last.Version}) ended '{last.Result}'")}; promote only an environment whose last update succeeded");
        var source = new StackOutputs(from, await pulumi.OutputsAsync(from, ct), "FROM");
        var target = new StackOutputs(to, await pulumi.OutputsAsync(to, ct), "TO");
        var fromRepository = source.Text(OutputNames.RepositoryUrl);

        RunningImage running;
        using (var aws = new AwsClients(AwsSettings.Resolve(environment, source.Text(OutputNames.Region)), clock))
        {
            var (service, _) = await aws.Ecs.DescribeServiceAsync(source.Text(OutputNames.ClusterArn), source.Text(OutputNames.ServiceName), ct);
            var deployment = service?.Deployments.FirstOrDefault(d => d.Status == "PRIMARY")
                ?? throw new UserInputException($"'{from}' cannot be promoted: its service {source.Text(OutputNames.ServiceName)} has no PRIMARY deployment");
            var definition = await aws.Ecs.DescribeTaskDefinitionAsync(deployment.TaskDefinition, ct);
            var image = definition.Containers.FirstOrDefault(c => c.Name == AppContainers.ContainerName)?.Image ?? "";
            running = RunningImage.Parse(image, fromRepository)
                ?? throw new UserInputException($"'{from}' cannot be promoted: it runs {ConfigReader.Shown(image)}, not an image of its repository '{fromRepository}'");
            if (running.Tag is null)
                throw new UserInputException($"'{from}' cannot be promoted: it runs the untagged {ConfigReader.Shown(running.Image)}; deploy it by tag first");
            if (expectedTag is not null && running.Tag != expectedTag)
                throw new UserInputException($"'{from}' cannot be promoted: it runs {running.Tag}, not {expectedTag} (--expect-image-tag); deploy that image to '{from}' first");
            if (running.Tag == "latest")
                throw new UserInputException($"'{from}' cannot be promoted: it runs 'latest', a tag that moves; deploy it with an immutable tag such as <version>-<sha> first");
            var found = await aws.Ecr.GetImageAsync(source.Text(OutputNames.RepositoryName), running.Tag, ct)
                ?? throw new UserInputException($"'{from}' cannot be promoted: {running.Tag} is no longer in its repository '{fromRepository}'");
            log.WriteLine($"'{from}' runs {running.Image} ({found.Digest})");
            if (target.Text(OutputNames.RepositoryUrl) == fromRepository) return new Promotion(running.Tag, found.Digest);

            using var toAws = new AwsClients(AwsSettings.Resolve(environment, target.Text(OutputNames.Region)), clock);
            log.WriteLine($"copying {found.Digest} to {target.Text(OutputNames.RepositoryUrl)}:{running.Tag}");
            try { await toAws.Ecr.PutImageAsync(target.Text(OutputNames.RepositoryName), found, running.Tag, ct); }
            catch (AwsException e) when (e.Code is "ImageTagAlreadyExistsException")
            {
                throw new UserInputException($"'{to}' already has a different image tagged {running.Tag} (its tags are immutable); nothing was deployed");
            }
            catch (AwsException e) when (e.Code is "LayersNotFoundException" or "ReferencedImagesNotFoundException")
            {
                throw new UserInputException($"'{to}''s repository is in another registry than '{from}''s ({e.Code}): PutImage copies a manifest within one registry only; replicate the image (ECR replication) and deploy it with 'env deploy {to} --image-tag {running.Tag}'");
            }
            var copied = await toAws.Ecr.GetImageAsync(target.Text(OutputNames.RepositoryName), running.Tag, ct);
            if (copied?.Digest != found.Digest)
                throw new DeploymentFailedException($"'{to}''s repository answers {running.Tag} with {copied?.Digest ?? "no image"}, not {found.Digest}; nothing was deployed");
            return new Promotion(running.Tag, found.Digest);
        }
    }
}
