namespace FakePulumi;

/// <summary>The release this fake plays: <c>FAKE_PULUMI_VERSION</c> (<c>v3.x.y</c>), or a recent one by default.</summary>
public static class CliVersion
{
    public const string Default = "v3.230.0";

    /// <summary>The first release whose DIY backends keep stack tags (https://github.com/pulumi/pulumi/pull/19882, v3.211.0 changelog).</summary>
    public static readonly Version DiyStackTags = new(3, 211, 0);

    public static string Printed => Environment.GetEnvironmentVariable("FAKE_PULUMI_VERSION") ?? Default;

    /// <summary>The release as a number (pre-release and build suffixes dropped); an unreadable one counts as recent.</summary>
    public static Version Current
    {
        get
        {
            var text = Printed.Trim().TrimStart('v');
            var end = text.IndexOfAny(['-', '+']);
            return Version.TryParse(end >= 0 ? text[..end] : text, out var version) ? version : new Version(int.MaxValue, 0);
        }
    }
}
