using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// Who writes ALB access logs into the bucket, by region, as "Enable access logs for your Application Load
/// Balancer", step 2 documents (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html):
/// in the regions available before August 2022, Elastic Load Balancing's account for that region; in the regions
/// opened since, the log-delivery service principal. The region is known at compile time (<c>aws:region</c>).
/// </summary>
public static class ElbLogDelivery
{
    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    /// <summary>The Elastic Load Balancing account of each region available before August 2022 (same page, same step).</summary>
    public static readonly IReadOnlyDictionary<string, string> LegacyRegionAccounts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "127311923021",
        ["us-east-2"] = "033677994240",
        ["us-west-1"] = "027434742980",
        ["us-west-2"] = "797873946194",
        ["af-south-1"] = "098369216593",
        ["ap-east-1"] = "754344448648",
        ["ap-southeast-3"] = "589379963580",
        ["ap-south-1"] = "718504428378",
        ["ap-northeast-3"] = "383597477331",
        ["ap-northeast-2"] = "600734575887",
        ["ap-southeast-1"] = "114774131450",
        ["ap-southeast-2"] = "783225319266",
        ["ap-northeast-1"] = "582318560864",
        ["ca-central-1"] = "985666609251",
        ["eu-central-1"] = "054676820928",
        ["eu-west-1"] = "156460612806",
        ["eu-west-2"] = "652711504416",
        ["eu-south-1"] = "635631232127",
        ["eu-west-3"] = "009996457667",
        ["eu-north-1"] = "897822967062",
        ["me-south-1"] = "076674570225",
        ["sa-east-1"] = "507241528517",
        ["us-gov-west-1"] = "048591011584",
        ["us-gov-east-1"] = "190560391635",
        ["cn-north-1"] = "638102146993",
        ["cn-northwest-1"] = "037604701340",
    };

    /// <summary>The bucket policy's <c>Principal</c> for <paramref name="region"/>.</summary>
    public static Props Principal(string region) =>
        LegacyRegionAccounts.TryGetValue(region, out var account)
            ? new Props { ["AWS"] = Expr.Interpolate("arn:", Expr.Ref(Policies.PartitionVariable), $":iam::{account}:root") }
            : new Props { ["Service"] = ServicePrincipal };
}
