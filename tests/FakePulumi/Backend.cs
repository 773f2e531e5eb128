using System.Text.Json.Nodes;

namespace FakePulumi;

/// <summary>
/// A file backend (<c>PULUMI_BACKEND_URL=file://DIR</c>): one state file per stack (this fake's own shape) and the
/// real lock protocol of the DIY backend — check, write own lock, re-check (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go).
/// With <c>FAKE_PULUMI_BACKEND=cloud</c> it plays Pulumi Cloud's naming instead (state still kept in DIR): stacks belong
/// to the organization <c>FAKE_PULUMI_ORGANIZATION</c> (default <c>acme</c>), are listed as <c>org/project/stack</c>, and
/// the YAML host gets that organization; DIY backends' organization is always the literal <c>organization</c>
/// (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/backend.go).
/// </summary>
public sealed class Backend(string root, string project, string organization, bool cloud)
{
    private readonly string _lockId = Guid.NewGuid().ToString();

    public static Backend FromEnvironment(string project)
    {
        var url = Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL");
        if (url is null || !url.StartsWith("file://", StringComparison.Ordinal))
            throw new FakeError("this fake pulumi supports only file:// backends; set PULUMI_BACKEND_URL=file://DIR");
        var cloud = Environment.GetEnvironmentVariable("FAKE_PULUMI_BACKEND") == "cloud";
        var organization = cloud ? Environment.GetEnvironmentVariable("FAKE_PULUMI_ORGANIZATION") is { Length: > 0 } o ? o : "acme" : "organization";
        return new Backend(url["file://".Length..], project, organization, cloud);
    }

    public string Organization => organization;

    public bool IsCloud => cloud;

    /// <summary>The stack's fully qualified name.</summary>
    public string Qualified(string stack) => $"{organization}/{project}/{stack}";

    /// <summary>As <c>stack ls</c> shows it: short for the current project on DIY, qualified on Cloud.</summary>
    public string Display(string stack) => cloud ? Qualified(stack) : stack;

    /// <summary>
    /// <c>--stack</c> as the CLI takes it: <c>stack</c>, <c>org/stack</c> or <c>org/project/stack</c>; another
    /// organization is refused as the DIY backend refuses it, another project has no such stack here.
    /// </summary>
    public string Resolve(string given)
    {
        var parts = given.Split('/');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0)) throw new FakeError($"invalid stack name '{given}'");
        if (parts.Length >= 2 && parts[0] != organization)
            throw cloud ? new FakeError($"no stack named '{given}' found", 6) : new FakeError("organization name must be 'organization'");
        if (parts.Length == 3 && parts[1] != project) throw new FakeError($"no stack named '{given}' found", 6);
        return parts[^1];
    }

    public string Url => "file://" + root;

    private string StacksDir => Path.Combine(root, ".pulumi", "stacks", project);
    private string StatePath(string stack) => Path.Combine(StacksDir, stack + ".json");

    /// <summary>Beside the checkpoint, as a DIY backend keeps a stack's tags (<see cref="StackTags"/>).</summary>
    private string TagsPath(string stack) => Path.Combine(StacksDir, stack + ".pulumi-tags");
    private string LockDir(string stack) => Path.Combine(root, ".pulumi", "locks", "organization", project, stack);

    public bool Exists(string stack) => File.Exists(StatePath(stack));

    public IEnumerable<string> Stacks() => Directory.Exists(StacksDir)
        ? Directory.GetFiles(StacksDir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)
        : [];

    public JsonObject Load(string stack) =>
        Exists(stack) ? JsonNode.Parse(File.ReadAllText(StatePath(stack)))!.AsObject() : throw new FakeError($"no stack named '{stack}' found");

    private string BackupDir(string stack) => Path.Combine(root, ".pulumi", "backups", project, stack);

    /// <summary>
    /// As the DIY backend saves a checkpoint: the previous one is kept as <c>&lt;stack&gt;.json.bak</c> and copied to
    /// <c>backups/&lt;project&gt;/&lt;stack&gt;/</c>, which <c>stack rm</c> keeps unless <c>--remove-backups</c>
    /// (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_rm/, https://github.com/pulumi/pulumi/tree/master/pkg/backend/diy).
    /// </summary>
    public void Save(string stack, JsonObject state)
    {
        Directory.CreateDirectory(StacksDir);
        if (File.Exists(StatePath(stack)))
        {
            File.Copy(StatePath(stack), StatePath(stack) + ".bak", overwrite: true);
            Directory.CreateDirectory(BackupDir(stack));
            File.Copy(StatePath(stack), Path.Combine(BackupDir(stack), $"{stack}.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 + Directory.GetFiles(BackupDir(stack)).Length}.json"), overwrite: true);
        }
        var temp = StatePath(stack) + ".tmp";
        File.WriteAllText(temp, Json.Print(state));
        File.Move(temp, StatePath(stack), overwrite: true);
    }

    /// <summary>The stack's tags (none: no file).</summary>
    public SortedDictionary<string, string> LoadTags(string stack)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(TagsPath(stack))) return tags;
        var file = JsonNode.Parse(File.ReadAllText(TagsPath(stack)))!;
        if (file["version"]?.GetValue<int>() != 1) throw new FakeError($"unsupported stack tags version: {file["version"]} (expected 1)");
        foreach (var (name, value) in file["tags"] as JsonObject ?? []) tags[name] = value!.GetValue<string>();
        return tags;
    }

    /// <summary>Writes the tags file; no tags left deletes it (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/stack_tags.go).</summary>
    public void SaveTags(string stack, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0) { File.Delete(TagsPath(stack)); return; }
        var temp = TagsPath(stack) + ".tmp";
        File.WriteAllText(temp, new JsonObject { ["version"] = 1, ["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))) }.ToJsonString());
        File.Move(temp, TagsPath(stack), overwrite: true);
    }

    /// <summary><c>stack rm</c>: the state and its tags go; its <c>.bak</c> and backups stay unless <c>--remove-backups</c>.</summary>
    public void Delete(string stack, bool removeBackups)
    {
        File.Delete(StatePath(stack));
        File.Delete(TagsPath(stack));
        if (!removeBackups) return;
        File.Delete(StatePath(stack) + ".bak");
        if (Directory.Exists(BackupDir(stack))) Directory.Delete(BackupDir(stack), recursive: true);
    }

    public void Lock(string stack)
    {
        var dir = LockDir(stack);
        Directory.CreateDirectory(dir);
        ThrowIfForeignLocks(stack);
        File.WriteAllText(Path.Combine(dir, _lockId + ".json"), new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["username"] = Environment.UserName,
            ["hostname"] = Environment.MachineName,
            ["timestamp"] = Json.Now(DateTimeOffset.UtcNow),
        }.ToJsonString());
        try { ThrowIfForeignLocks(stack); }
        catch { Unlock(stack); throw; }
    }

    public void Unlock(string stack) => File.Delete(Path.Combine(LockDir(stack), _lockId + ".json"));

    public void ClearLocks(string stack)
    {
        if (Directory.Exists(LockDir(stack))) foreach (var file in Directory.GetFiles(LockDir(stack))) File.Delete(file);
    }

    private void ThrowIfForeignLocks(string stack)
    {
        var foreign = Directory.GetFiles(LockDir(stack), "*.json").Where(f => Path.GetFileNameWithoutExtension(f) != _lockId).ToList();
        if (foreign.Count == 0) return;
        var lines = foreign.Select(f =>
        {
            var info = JsonNode.Parse(File.ReadAllText(f))!;
            return $"  {Url}/.pulumi/locks/organization/{project}/{stack}/{Path.GetFileName(f)}: created by {info["username"]}@{info["hostname"]} (pid {info["pid"]}) at {info["timestamp"]}";
        });
        throw new FakeError($"the stack is currently locked by {foreign.Count} lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n{string.Join("\n", lines)}");
    }
}
