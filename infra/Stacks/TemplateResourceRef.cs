using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>A resource handed between builders by its logical name (renders as references only).</summary>
public sealed record TemplateResourceRef(string Name)
{
    public Expr Out(string path) => Expr.Ref(Name, path);

    public static implicit operator TemplateResourceRef(TemplateResource resource) => new(resource.Name);
}
