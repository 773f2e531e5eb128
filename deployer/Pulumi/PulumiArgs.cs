namespace Deployments.Deployer.Pulumi;

/// <summary>
/// Pure argv builders for the <c>pulumi</c> CLI, as Automation API's LocalWorkspace builds them (https://www.pulumi.com/docs/iac/cli/commands/):
/// <c>--non-interactive</c> on every call and <c>--stack</c> on every stack-scoped one, so nothing depends on the
/// "selected" stack stored under PULUMI_HOME that parallel runners would race on. No I/O here.
/// </summary>
public static class PulumiArgs
{
    private const string NonInteractive = "--non-interactive";

    public static IReadOnlyList<string> Version() => ["version"];

    public static IReadOnlyList<string> StackInit(string stack) => ["stack", "init", stack, NonInteractive];

    /// <summary>
    /// Removes a stack that has no resources left (without <c>--force</c>, Pulumi refuses otherwise: never orphan), and
    /// on DIY backends its <c>.bak</c> and <c>backups/</c> too, which <c>stack rm</c> keeps otherwise; the flag is one of
    /// the command's own, which other backends accept and ignore (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_rm/).
    /// </summary>
    public static IReadOnlyList<string> StackRemove(string stack) => ["stack", "rm", "--yes", "--remove-backups", "--stack", stack, NonInteractive];

    public static IReadOnlyList<string> StackList() => ["stack", "ls", "--json", NonInteractive];

    /// <summary>
    /// Only the stacks tagged <paramref name="name"/> (with <paramref name="value"/>, when given): <c>--tag NAME[=VALUE]</c>,
    /// one filter per call (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_ls/); the entries are those of
    /// <see cref="StackList()"/>, without tags.
    /// </summary>
    public static IReadOnlyList<string> StackList(string name, string? value) =>
        ["stack", "ls", "--json", "--tag", value is null ? name : $"{name}={value}", NonInteractive];

    /// <summary>The stack's tags as one JSON object, name to value (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_tag_ls/).</summary>
    public static IReadOnlyList<string> StackTagList(string stack) => ["stack", "tag", "ls", "--json", "--stack", stack, NonInteractive];

    /// <summary>Sets one tag (https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_tag_set/); name and value after <c>--</c>, so neither is read as a flag.</summary>
    public static IReadOnlyList<string> StackTagSet(string stack, string name, string value) =>
        ["stack", "tag", "set", "--stack", stack, NonInteractive, "--", name, value];

    public static IReadOnlyList<string> StackOutput(string stack) => ["stack", "output", "--json", "--stack", stack, NonInteractive];

    /// <summary>Newest first; <paramref name="pageSize"/> bounds what a long-lived stack sends back.</summary>
    public static IReadOnlyList<string> StackHistory(string stack, int pageSize) =>
        ["stack", "history", "--json", "--page-size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stack", stack, NonInteractive];

    public static IReadOnlyList<string> ConfigList(string stack) => ["config", "--json", "--stack", stack, NonInteractive];

    /// <summary>Sets every key in one call; <c>--plaintext</c> per pair as LocalWorkspace does (values are not secrets).</summary>
    /// <summary><paramref name="configFile"/>: set them in that file instead of Pulumi.&lt;stack&gt;.yaml (<c>--config-file</c>, a
    /// flag of every <c>config</c> command: https://www.pulumi.com/docs/iac/cli/commands/pulumi_config_set-all/).</summary>
    public static IReadOnlyList<string> ConfigSetAll(string stack, IReadOnlyDictionary<string, string> values, string? configFile = null)
    {
        var args = new List<string> { "config", "set-all", "--stack", stack };
        if (configFile is not null) args.AddRange(["--config-file", configFile]);
        foreach (var key in values.Keys.Order(StringComparer.Ordinal)) args.AddRange(["--plaintext", $"{key}={values[key]}"]);
        args.Add(NonInteractive);
        return args;
    }

    public static IReadOnlyList<string> ConfigRemoveAll(string stack, IEnumerable<string> keys) =>
        ["config", "rm-all", "--stack", stack, NonInteractive, "--", .. keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// <c>up</c> without a separate preview (<c>--skip-preview</c>: the deployer's own <c>plan</c> is the preview),
    /// streaming engine events to <paramref name="eventLog"/> (needs PULUMI_DEBUG_COMMANDS=true, https://www.pulumi.com/docs/iac/cli/commands/).
    /// </summary>
    public static IReadOnlyList<string> Up(string stack, string eventLog, string message) =>
        ["up", "--yes", "--skip-preview", "--color", "never", "--event-log", eventLog, "--message", message, "--stack", stack, NonInteractive];

    public static IReadOnlyList<string> Destroy(string stack, string eventLog) =>
        ["destroy", "--yes", "--skip-preview", "--color", "never", "--event-log", eventLog, "--stack", stack, NonInteractive];

    /// <summary>
    /// What an update would do, changing nothing: one JSON digest on stdout at the end. <c>--diff</c> is not passed: with
    /// <c>--json</c> the CLI prints the digest whatever the display type (<c>ShowEvents</c> checks the JSON display first,
    /// https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/display.go), and the digest's
    /// <c>detailedDiff</c> is the diff. Previews take no lock on DIY backends.
    /// </summary>
    /// <remarks><paramref name="configFile"/>: the stack's config from that file instead of Pulumi.&lt;stack&gt;.yaml
    /// (https://www.pulumi.com/docs/iac/cli/commands/pulumi_preview/).</remarks>
    public static IReadOnlyList<string> Preview(string stack, string? configFile = null) => configFile is null
        ? ["preview", "--json", "--stack", stack, NonInteractive]
        : ["preview", "--json", "--config-file", configFile, "--stack", stack, NonInteractive];

    /// <summary>What a refresh would change in the state (resources changed or deleted outside Pulumi), as the same digest, changing nothing.</summary>
    public static IReadOnlyList<string> RefreshPreview(string stack) => ["refresh", "--preview-only", "--json", "--stack", stack, NonInteractive];

    /// <summary>Deletes the stack's lock files on a file backend (https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go); only on explicit request.</summary>
    public static IReadOnlyList<string> Cancel(string stack) => ["cancel", "--yes", "--stack", stack, NonInteractive];
}
