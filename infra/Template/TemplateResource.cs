namespace Deployments.Infra.Template;

/// <summary>
/// One resource of the template. <see cref="Name"/> is the Pulumi logical name: it is the resource's
/// identity in state, and renaming it makes Pulumi delete and re-create the resource. Builders therefore
/// take names from <c>Stacks.LogicalNames</c> only.
/// </summary>
public sealed record TemplateResource(string Name, string Type, Props Properties, ResourceOptions? Options = null)
{
    public bool DefaultProvider { get; init; }

    /// <summary><c>${name.path}</c> for an output of this resource.</summary>
    public Expr Out(string path) => Expr.Ref(Name, path);

    /// <summary><c>${name}</c>: the resource itself, for <c>dependsOn</c> and <c>provider</c>.</summary>
    public Expr Self => Expr.Ref(Name);
}
