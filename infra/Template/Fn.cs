namespace Deployments.Infra.Template;

/// <summary>Pulumi YAML built-in functions, rendered as single-key objects (language reference, "Built-in functions").</summary>
public static class Fn
{
    /// <summary><c>fn::toJSON</c>: serialises a value (which may hold expressions) to a JSON string at run time.</summary>
    public static Props ToJson(object value) => new() { ["fn::toJSON"] = value };

    /// <summary><c>fn::secret</c>: marks a value secret so Pulumi encrypts it in state and masks it in output.</summary>
    public static Props Secret(object value) => new() { ["fn::secret"] = value };

    /// <summary><c>fn::invoke</c> of a provider function; <paramref name="returnField"/> selects one field of the result.</summary>
    public static Props Invoke(string function, Props arguments, string? returnField = null)
    {
        var invoke = new Props { ["function"] = function, ["arguments"] = arguments };
        if (returnField is not null) invoke["return"] = returnField;
        return new Props { ["fn::invoke"] = invoke };
    }
}
