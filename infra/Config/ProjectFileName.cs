namespace Deployments.Infra.Config;

/// <summary>
/// The project's <c>name</c> from <c>Pulumi.yaml</c> text (a top-level scalar, https://www.pulumi.com/docs/iac/concepts/projects/project-file/),
/// for offline runs (<c>./infra/compile --stack S</c>), where no YAML host passes <c>PULUMI_PROJECT</c>. A plain line
/// scan: the compiler's start-up time matters, and the key is a top-level, single-line scalar.
/// </summary>
public static class ProjectFileName
{
    public static string? Read(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("name:", StringComparison.Ordinal)) continue;
            var value = line["name:".Length..];
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) value = value[..comment];
            value = value.Trim().Trim('"', '\'');
            return value.Length > 0 ? value : null;
        }
        return null;
    }
}
