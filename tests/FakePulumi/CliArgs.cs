namespace FakePulumi;

/// <summary>Parses pulumi-style argv: command words first, flags anywhere, values after flags, <c>--</c> ends flags.</summary>
public sealed class CliArgs
{
    private static readonly HashSet<string> ValueFlags = ["--stack", "-s", "--color", "--event-log", "--message", "-m", "--page-size", "--page", "--plaintext", "--secret", "--secrets-provider", "--config-file", "--tag", "-t"];

    public List<string> Words { get; } = [];
    public Dictionary<string, List<string>> Flags { get; } = new(StringComparer.Ordinal);
    public List<string> Rest { get; } = [];

    public static CliArgs Parse(string[] args)
    {
        var parsed = new CliArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--") { parsed.Rest.AddRange(args.Skip(i + 1)); break; }
            if (!arg.StartsWith('-')) { parsed.Words.Add(arg); continue; }
            var (name, value) = arg.Contains('=') && arg.StartsWith("--", StringComparison.Ordinal) ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
            if (value is null && ValueFlags.Contains(name))
            {
                if (i + 1 >= args.Length) throw new FakeError($"flag needs an argument: {name}", 2);
                value = args[++i];
            }
            if (!parsed.Flags.TryGetValue(name, out var list)) parsed.Flags[name] = list = [];
            list.Add(value ?? "true");
        }
        return parsed;
    }

    public bool Has(string flag) => Flags.ContainsKey(flag);
    public string? Value(params string[] names) => names.Select(n => Flags.GetValueOrDefault(n)?.LastOrDefault()).FirstOrDefault(v => v is not null);
    public IReadOnlyList<string> Values(string name) => Flags.GetValueOrDefault(name) ?? [];
}
