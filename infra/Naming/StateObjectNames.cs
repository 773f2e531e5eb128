namespace Deployments.Infra.Naming;

/// <summary>
/// Object keys of a DIY (S3) backend's state, per project and stack, for IAM policies on the state bucket. Layout
/// of project-scoped backends (the default since Pulumi v3.61.0; pulumi/pulumi pkg/backend/diy/store.go, lock.go,
/// https://www.pulumi.com/docs/iac/concepts/state-and-backends/#using-a-diy-backend): <c>.pulumi/meta.yaml</c>,
/// <c>stacks/&lt;project&gt;/&lt;stack&gt;.json</c> (also <c>.json.bak</c>, <c>.json.gz</c>), its tags beside it in
/// <c>stacks/&lt;project&gt;/&lt;stack&gt;.pulumi-tags</c> (since v3.211.0, pkg/backend/diy/stack_tags.go),
/// <c>history/&lt;project&gt;/&lt;stack&gt;/…</c>, <c>backups/&lt;project&gt;/&lt;stack&gt;/…</c> and
/// <c>locks/organization/&lt;project&gt;/&lt;stack&gt;/…</c>. <paramref name="Stack"/> may be a pattern (<c>preview-*</c>).
/// </summary>
public sealed record StateObjectNames(string Project, string Stack)
{
    public const string Root = ".pulumi/";
    public const string Meta = Root + "meta.yaml";

    /// <summary>The checkpoint and its <c>.bak</c>/<c>.gz</c> variants.</summary>
    public string Checkpoint => $"{Root}stacks/{Project}/{Stack}.json*";

    /// <summary>The stack's tags (<c>pulumi stack tag set</c> writes them, <c>stack ls --tag</c> reads them, <c>stack rm</c> deletes them).</summary>
    public string Tags => $"{Root}stacks/{Project}/{Stack}.pulumi-tags";

    /// <summary>The stack's update history (what <c>pulumi stack history</c> reads).</summary>
    public string History => $"{Root}history/{Project}/{Stack}/*";

    /// <summary>Every object the stack's own operations write: checkpoint, tags, history, backups and locks.</summary>
    public IReadOnlyList<string> Writable =>
    [
        Checkpoint,
        Tags,
        History,
        $"{Root}backups/{Project}/{Stack}/*",
        $"{Root}locks/organization/{Project}/{Stack}/*",
    ];
}
