using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Deployments.Infra.Template;

/// <summary>
/// The one serializer call: the typed template → JSON text (JSON is valid YAML; the YAML host parses stdout
/// with a YAML decoder, pulumi.md §1.4). Two-space indent, "\n" line endings, insertion order, invariant
/// number formatting: the same template always yields the same bytes.
/// </summary>
public static class TemplateSerializer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep non-ASCII (branch names in tags) readable; the output is UTF-8 either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(PulumiTemplate template)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("name", template.Name);
            writer.WriteString("description", template.Description);
            writer.WritePropertyName("resources");
            writer.WriteStartObject();
            foreach (var resource in template.Resources) WriteResource(writer, resource);
            writer.WriteEndObject();
            if (template.Variables.Count > 0) WriteMap(writer, "variables", template.Variables);
            WriteMap(writer, "outputs", template.Outputs);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteMap(Utf8JsonWriter writer, string key, IReadOnlyList<NamedValue> entries)
    {
        writer.WritePropertyName(key);
        writer.WriteStartObject();
        foreach (var entry in entries)
        {
            writer.WritePropertyName(entry.Name);
            WriteValue(writer, entry.Value);
        }
        writer.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter writer, TemplateResource resource)
    {
        writer.WritePropertyName(resource.Name);
        writer.WriteStartObject();
        writer.WriteString("type", resource.Type);
        if (resource.DefaultProvider) writer.WriteBoolean("defaultProvider", true);
        writer.WritePropertyName("properties");
        WriteValue(writer, resource.Properties);
        var options = OptionsToProps(resource.Options);
        if (options.Count > 0)
        {
            writer.WritePropertyName("options");
            WriteValue(writer, options);
        }
        writer.WriteEndObject();
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

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case Expr expr: writer.WriteStringValue(expr.Text); break;
            case string text: writer.WriteStringValue(Literal.Escape(text)); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteRawValue(number.ToString("R", CultureInfo.InvariantCulture)); break;
            case Props props:
                writer.WriteStartObject();
                foreach (var key in props.Keys)
                {
                    var item = props[key];
                    if (item is null) continue;
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"cannot serialise a {value.GetType().Name} into a template");
        }
    }
}
