namespace Deployments.Deployer.Pulumi.Digest;

/// <summary>
/// The step ops of Pulumi's engine, as they appear in a digest's <c>op</c> and <c>changeSummary</c>
/// (https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step.go).
/// </summary>
public static class StepOps
{
    public const string Same = "same";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Replace = "replace";
    public const string CreateReplacement = "create-replacement";
    public const string DeleteReplaced = "delete-replaced";
    public const string Read = "read";
    public const string ReadReplacement = "read-replacement";
    public const string Refresh = "refresh";
    public const string ReadDiscard = "discard";
    public const string DiscardReplaced = "discard-replaced";
    public const string RemovePendingReplace = "remove-pending-replace";
    public const string Import = "import";
    public const string ImportReplacement = "import-replacement";
}
