namespace Deployments.Deployer.Init;

/// <summary>What the operator must still do after init, on stderr: the placeholders to replace, the missing pieces.</summary>
public static class InitNotes
{
    public static void Write(TextWriter error, InitSettings settings, bool actionPinned)
    {
        if (!actionPinned)
            error.WriteLine($"warning: this build of the tool does not know its commit, so the workflows use {settings.ActionRepository}@v<version>, a tag, not a commit SHA; pin it to the tag's commit");
        if (settings.Placeholders.Count > 0)
            error.WriteLine($"note: example values to replace in Pulumi.staging.yaml and Pulumi.production.yaml before the first 'pulumi up' (or run init again with --force and {string.Join(", ", settings.Placeholders)})");
        if (settings.GitHubRepository is null)
            error.WriteLine("note: no CI roles (no --github-repository and no github.com origin remote): the workflows need them; pass --github-repository OWNER/REPO");
        if (!File.Exists(Path.Combine(settings.Directory, "Dockerfile")))
            error.WriteLine("note: no Dockerfile at the repository root: the workflows build the image from it");
        error.WriteLine("next: 'deployments plan --branch feature/x' shows a preview offline; see the README's Bootstrap for the first deploy");
    }
}
