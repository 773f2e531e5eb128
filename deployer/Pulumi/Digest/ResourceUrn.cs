namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// A resource's URN, <c>urn:pulumi:STACK::PROJECT::QUALIFIED-TYPE::NAME</c>, where the qualified type is the parent
/// chain joined by <c>$</c> and ends with the resource's own type, and the name (the template's logical name) is
/// everything after the fourth separator, so it may itself hold <c>::</c>
/// (https://www.pulumi.com/docs/iac/concepts/resources/names/#urns).
/// </summary>
public sealed record ResourceUrn(string Value, string Stack, string Project, string Type, string Name)
{
    private const string Prefix = "urn:pulumi:";

    /// <summary>Splits <paramref name="value"/>; a value that is not a URN keeps itself as its name, with no type.</summary>
    public static ResourceUrn Parse(string value)
    {
        var parts = value.StartsWith(Prefix, StringComparison.Ordinal) ? value[Prefix.Length..].Split("::", 4) : [];
        if (parts.Length != 4) return new(value, "", "", "", value);
        var type = parts[2][(parts[2].LastIndexOf('$') + 1)..];
        return new(value, parts[0], parts[1], type, parts[3]);
    }

    public override string ToString() => Value;
}
