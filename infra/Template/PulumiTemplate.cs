namespace Deployments.Infra.Template;

/// <summary>
/// The typed model of one Pulumi YAML template. Resources, variables and outputs keep insertion order;
/// adding a name twice is a programming error and throws at once rather than silently replacing.
/// </summary>
public sealed class PulumiTemplate(string name, string description)
{
    private readonly List<TemplateResource> _resources = [];
    private readonly List<NamedValue> _variables = [];
    private readonly List<NamedValue> _outputs = [];

    public string Name { get; } = name;
    public string Description { get; } = description;
    public IReadOnlyList<TemplateResource> Resources => _resources;
    public IReadOnlyList<NamedValue> Variables => _variables;
    public IReadOnlyList<NamedValue> Outputs => _outputs;

    public TemplateResource Add(TemplateResource resource)
    {
        EnsureUnused(resource.Name);
        _resources.Add(resource);
        return resource;
    }

    /// <summary>Adds a variable and returns the expression that refers to it (or to one field of it).</summary>
    public Expr AddVariable(string variableName, object value)
    {
        EnsureUnused(variableName);
        _variables.Add(new(variableName, value));
        return Expr.Ref(variableName);
    }

    public void AddOutput(string outputName, object value)
    {
        if (_outputs.Exists(o => o.Name == outputName))
            throw new InvalidOperationException($"output '{outputName}' is declared twice");
        _outputs.Add(new(outputName, value));
    }

    private void EnsureUnused(string logicalName)
    {
        if (_resources.Exists(r => r.Name == logicalName) || _variables.Exists(v => v.Name == logicalName))
            throw new InvalidOperationException($"'{logicalName}' is declared twice in the template");
    }
}
