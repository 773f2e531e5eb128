using System.Globalization;

namespace FakePulumi;

/// <summary>
/// Plays another run's destroy that finished (destroy, then <c>stack rm</c>) just before this <c>up</c> got the stack:
/// FAKE_PULUMI_CONCURRENT_DESTROY names a file holding how many of the next <c>up</c>s meet their stack so removed. The
/// <c>up</c> then fails as the real CLI does on a missing stack (<c>no stack named '…' found</c>).
/// </summary>
public static class ConcurrentDestroy
{
    public static void MaybeRemove(Backend backend, string directory, string stack)
    {
        if (Environment.GetEnvironmentVariable("FAKE_PULUMI_CONCURRENT_DESTROY") is not { Length: > 0 } counter || !File.Exists(counter)) return;
        var left = int.Parse(File.ReadAllText(counter).Trim(), CultureInfo.InvariantCulture);
        if (left <= 0 || !backend.Exists(stack)) return;
        File.WriteAllText(counter, (left - 1).ToString(CultureInfo.InvariantCulture));
        backend.Delete(stack, removeBackups: true);
        StackConfigFile.Delete(directory, stack);
    }
}
