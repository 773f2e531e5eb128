using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Deployments.Deployer.Drift;

/// <summary>
/// A property value as the drift report shows it: compact JSON, at most <see cref="MaxLength"/> characters. A secret is
/// never shown: the digest already prints Pulumi's secrets as <c>[secret]</c> (<c>MassageSecrets</c>,
/// https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/json.go), and a value still in Pulumi's secret
/// envelope (<c>{"<see cref="SignatureKey"/>": "<see cref="SecretSignature"/>", …}</c>, https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/sig/sig.go)
/// is treated the same, whatever it holds; a property secret on either side is hidden on both.
/// </summary>
public static class DriftValue
{
    public const string Secret = "[secret]";
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const int MaxLength = 120;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether the value is, or holds anywhere inside it, a secret.</summary>
    public static bool HoldsSecret(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() == Secret,
        JsonValueKind.Object => (value.TryGetProperty(SignatureKey, out var sig) && sig.ValueKind == JsonValueKind.String && sig.GetString() == SecretSignature) || value.EnumerateObject().Any(p => HoldsSecret(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().Any(HoldsSecret),
        _ => false,
    };

    /// <summary>The value shown: compact JSON, cut to <see cref="MaxLength"/> characters (saying how long it was).</summary>
    public static string Show(JsonElement value)
    {
        if (HoldsSecret(value)) return Secret;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact)) value.WriteTo(writer);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        if (text.Length <= MaxLength) return text;
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return $"{text[..cut]}… ({text.Length} characters)";
    }
}
