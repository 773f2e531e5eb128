using System.Text.Json.Nodes;

namespace FakePulumi;

/// <summary>
/// A file backend (<c>PULUMI_BACKEND_URL=file://DIR</c>): one state file per stack (this fake's own shape) and the
/// real lock protocol of the DIY backend — check, write own lock, re-check (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go).
/// </summary>
public sealed class Backend(string root, string project)
{
    public const string Organization = "organization";
    private readonly string _lockId = Guid.NewGuid().ToString();

    public static Backend FromEnvironment(string project)
    {
        var url = Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL");
        if (url is null || !url.StartsWith("file://", StringComparison.Ordinal))
            throw new FakeError("this fake pulumi supports only file:// backends; set PULUMI_BACKEND_URL=file://DIR");
        return new Backend(url["file://".Length..], project);
    }

    public string Url => "file://" + root;

    private string StacksDir => Path.Combine(root, ".pulumi", "stacks", project);
    private string StatePath(string stack) => Path.Combine(StacksDir, stack + ".json");
    private string LockDir(string stack) => Path.Combine(root, ".pulumi", "locks", Organization, project, stack);

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

    /// <summary><c>stack rm</c>: the state goes; its <c>.bak</c> and backups stay unless <c>--remove-backups</c>.</summary>
    public void Delete(string stack, bool removeBackups)
    {
        File.Delete(StatePath(stack));
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
            return $"  {Url}/.pulumi/locks/{Organization}/{project}/{stack}/{Path.GetFileName(f)}: created by {info["username"]}@{info["hostname"]} (pid {info["pid"]}) at {info["timestamp"]}";
        });
        throw new FakeError($"the stack is currently locked by {foreign.Count} lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n{string.Join("\n", lines)}");
    }
}
