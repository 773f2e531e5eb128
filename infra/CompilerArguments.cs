namespace Deployments.Infra;

/// <summary>
/// The compiler's inputs. Under the YAML host: <c>PULUMI_STACK</c> and <c>PULUMI_CONFIG</c> (none for the
/// discovery call). For humans: <c>--stack NAME</c> with <c>Pulumi.NAME.yaml</c> (or <c>--config-file</c>) and
/// <c>--config key=value</c> overrides.
/// </summary>
public sealed record CompilerArguments(string? Stack, string? ConfigFile, IReadOnlyList<string> Overrides, bool Help)
{
    public const string Usage = """
        Usage: Deployments.Infra [--stack NAME] [--config-file FILE] [--config KEY=VALUE]...

        Prints the Pulumi YAML template (JSON) of one stack on stdout.
          --stack NAME         the stack to render (default: $PULUMI_STACK; none = package discovery)
          --config-file FILE   stack config to read (default: Pulumi.NAME.yaml when it exists)
          --config KEY=VALUE   set or override one config value; KEY without a namespace means PROJECT:KEY, PROJECT being
                               the name in Pulumi.yaml (or $PULUMI_PROJECT)
          --help               show this text
        Under the Pulumi YAML host the stack and its config come from PULUMI_STACK and PULUMI_CONFIG.
        """;

    /// <summary>Parses argv; returns null and a message naming the bad argument when it cannot.</summary>
    public static CompilerArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? stack = null, file = null;
        var overrides = new List<string>();
        var help = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h") { help = true; continue; }
            if (arg is not ("--stack" or "--config-file" or "--config"))
            {
                error = $"unknown argument '{arg}'; allowed: --stack NAME, --config-file FILE, --config KEY=VALUE, --help";
                return null;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{arg} needs a value";
                return null;
            }
            var value = args[++i];
            switch (arg)
            {
                case "--stack": stack = value; break;
                case "--config-file": file = value; break;
                default: overrides.Add(value); break;
            }
        }
        return new CompilerArguments(stack, file, overrides, help);
    }
}
