using Deployments.Infra.Json;

namespace Deployments.Infra.Template;

/// <summary>
/// The one serializer call: the typed template → JSON text (JSON is valid YAML; the YAML host parses stdout
/// with a YAML decoder, https://github.com/pulumi/pulumi-yaml/blob/main/pkg/server/server.go). Two-space indent, "\n" line endings, insertion order, invariant
/// number formatting: the same template always yields the same bytes.
/// </summary>
public static class TemplateSerializer
{
    public static string ToJson(PulumiTemplate template)
    {
        var writer = new JsonWriter(indented: true);
        writer.StartObject();
        writer.Name("name");
        writer.String(template.Name);
        writer.Name("description");
        writer.String(template.Description);
        writer.Name("resources");
        writer.StartObject();
        foreach (var resource in template.Resources) WriteResource(writer, resource);
        writer.EndObject();
        if (template.Variables.Count > 0) WriteMap(writer, "variables", template.Variables);
        WriteMap(writer, "outputs", template.Outputs);
        writer.EndObject();
        return writer + "\n";
    }

    private static void WriteMap(JsonWriter writer, string key, IReadOnlyList<NamedValue> entries)
    {
        writer.Name(key);
        writer.StartObject();
        foreach (var entry in entries)
        {
            writer.Name(entry.Name);
            WriteValue(writer, entry.Value);
        }
        writer.EndObject();
    }

    private static void WriteResource(JsonWriter writer, TemplateResource resource)
    {
        writer.Name(resource.Name);
        writer.StartObject();
        writer.Name("type");
        writer.String(resource.Type);
        if (resource.DefaultProvider)
        {
            writer.Name("defaultProvider");
            writer.Boolean(true);
        }
        writer.Name("properties");
        WriteValue(writer, resource.Properties);
        var options = OptionsToProps(resource.Options);
        if (options.Count > 0)
        {
            writer.Name("options");
            WriteValue(writer, options);
        }
        writer.EndObject();
    }

    private static Props OptionsToProps(ResourceOptions? options)
    {
        var props = new Props();
        if (options is null) return props;
        if (options.Version is not null) props["version"] = options.Version;
        if (options.Protect) props["protect"] = true;
        if (options.DeleteBeforeReplace) props["deleteBeforeReplace"] = true;
        if (options.RetainOnDelete) props["retainOnDelete"] = true;
        if (options.DependsOn.Count > 0) props["dependsOn"] = options.DependsOn.Select(d => Expr.Ref(d)).ToList();
        if (options.IgnoreChanges.Count > 0) props["ignoreChanges"] = options.IgnoreChanges;
        if (options.AdditionalSecretOutputs.Count > 0) props["additionalSecretOutputs"] = options.AdditionalSecretOutputs;
        if (options.Providers.Count > 0)
        {
            var providers = new Props();
            foreach (var package in SortedKeys.Of(options.Providers)) providers[package] = Expr.Ref(options.Providers[package]);
            props["providers"] = providers;
        }
        return props;
    }

    private static void WriteValue(JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Null(); break;
            case Expr expr: writer.String(expr.Text); break;
            case string text: writer.String(Literal.Escape(text)); break;
            case bool flag: writer.Boolean(flag); break;
            case int number: writer.Number(number); break;
            case long number: writer.Number(number); break;
            case double number: writer.Number(number); break;
            case Props props:
                writer.StartObject();
                foreach (var key in props.Keys)
                {
                    var item = props[key];
                    if (item is null) continue;
                    writer.Name(key);
                    WriteValue(writer, item);
                }
                writer.EndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.StartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.EndArray();
                break;
            default:
                throw new InvalidOperationException($"cannot serialise a {value.GetType().Name} into a template");
        }
    }
}
