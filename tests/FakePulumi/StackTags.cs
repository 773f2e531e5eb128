using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakePulumi;

/// <summary>
/// <c>pulumi stack tag set|get|rm|ls</c> (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_tag/), kept where
/// and how a DIY backend keeps them since v3.211.0: <c>.pulumi/stacks/&lt;project&gt;/&lt;stack&gt;.pulumi-tags</c>,
/// <c>{"version": 1, "tags": {name: value}}</c>, the file deleted when the last tag goes and by <c>stack rm</c>
/// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/stack_tags.go). An older DIY CLI refuses to set or
/// remove one (<c>stack tags not supported in diy mode</c>, its <c>UpdateStackTags</c>) and reads none. Names and values
/// are checked as Pulumi Cloud checks them (https://github.com/pulumi/pulumi/blob/master/pkg/util/validation/stack.go)
/// on every backend, stricter than DIY, so a deployer that would break on Cloud breaks here too.
/// </summary>
public static partial class StackTags
{
    private const int MaxName = 40, MaxValue = 256;

    [GeneratedRegex("^[a-zA-Z0-9-_.:]{1,40}$")]
    private static partial Regex Name();

    /// <summary>Tags are kept (and read) only by Cloud and by DIY backends of v3.211.0 or later.</summary>
    public static bool Kept(Backend backend) => backend.IsCloud || CliVersion.Current >= CliVersion.DiyStackTags;

    public static int Run(Backend backend, CliArgs cli, string stack)
    {
        var verb = cli.Words.ElementAtOrDefault(2);
        // Arguments after `--` are positional too, as cobra takes them.
        var positional = cli.Words.Skip(3).Concat(cli.Rest).ToList();
        var name = positional.ElementAtOrDefault(0);
        var tags = Kept(backend) ? backend.LoadTags(stack) : [];
        switch (verb)
        {
            case "ls" or "list":
                Console.WriteLine(Json.Print(new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)))));
                return 0;
            case "get" when name is not null:
                if (!tags.TryGetValue(name, out var value)) throw new FakeError($"stack tag '{name}' not found for stack '{backend.Display(stack)}'");
                Console.WriteLine(value);
                return 0;
            case "set" when name is not null && positional.ElementAtOrDefault(1) is string given:
                tags[name] = given;
                Save(backend, stack, tags);
                return 0;
            case "rm" or "remove" or "delete" when name is not null:
                tags.Remove(name);
                Save(backend, stack, tags);
                return 0;
            default:
                throw new FakeError($"unknown command \"{string.Join(' ', cli.Words)}\" for \"pulumi stack tag\"", 2);
        }
    }

    private static void Save(Backend backend, string stack, SortedDictionary<string, string> tags)
    {
        if (!Kept(backend)) throw new FakeError("stack tags not supported in diy mode");
        foreach (var (name, value) in tags)
        {
            if (name.Length > MaxName) throw new FakeError($"stack tag \"{name}\" is too long (max length {MaxName} characters)");
            if (!Name().IsMatch(name)) throw new FakeError("stack tag names may only contain alphanumerics, hyphens, underscores, periods, or colons");
            if (value.Length > MaxValue) throw new FakeError($"stack tag \"{name}\" value is too long (max length {MaxValue} characters)");
        }
        backend.SaveTags(stack, tags);
    }

    /// <summary>
    /// <c>stack ls --tag NAME</c> or <c>--tag NAME=VALUE</c> (split at the first <c>=</c>, as <c>parseTagFilter</c> in
    /// pkg/cmd/pulumi/stack/stack_list.go does): whether <paramref name="stack"/> passes. A CLI that keeps no tags on DIY
    /// ignored the filter there, listing every stack.
    /// </summary>
    public static bool Passes(Backend backend, string stack, string? filter)
    {
        if (filter is null || !Kept(backend)) return true;
        var equals = filter.IndexOf('=');
        var (name, value) = equals < 0 ? (filter, null) : (filter[..equals], filter[(equals + 1)..]);
        var tags = backend.LoadTags(stack);
        return tags.TryGetValue(name, out var found) && (value is null || found == value);
    }
}
