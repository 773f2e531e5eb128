using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// Route 53 alias records for the environment's host and for <c>*.previewDomain</c>, and the DNS-validated
/// wildcard certificate previews are served with (one certificate for every preview, so a new branch never waits
/// for ACM).
/// </summary>
public static class DnsResources
{
    /// <summary>Requests and validates the <c>*.previewDomain</c> certificate; returns the validated ARN.</summary>
    public static Expr AddPreviewCertificate(PulumiTemplate template, DnsSettings dns)
    {
        var certificate = template.Add(new TemplateResource(LogicalNames.PreviewCertificate, "aws:acm:Certificate", new Props
        {
            ["domainName"] = $"*.{dns.PreviewDomain}",
            ["validationMethod"] = "DNS",
        }));
        const string option = "domainValidationOptions[0]";
        var record = template.Add(new TemplateResource(LogicalNames.PreviewCertificateValidationRecord, "aws:route53:Record", new Props
        {
            ["zoneId"] = dns.HostedZoneId,
            ["name"] = certificate.Out($"{option}.resourceRecordName"),
            ["type"] = certificate.Out($"{option}.resourceRecordType"),
            ["records"] = new[] { certificate.Out($"{option}.resourceRecordValue") },
            ["ttl"] = 60,
            ["allowOverwrite"] = true,
        }));
        var validation = template.Add(new TemplateResource(LogicalNames.PreviewCertificateValidation, "aws:acm:CertificateValidation", new Props
        {
            ["certificateArn"] = certificate.Out("arn"),
            ["validationRecordFqdns"] = new[] { record.Out("fqdn") },
        }));
        return validation.Out("certificateArn");
    }

    public static void AddRecords(PulumiTemplate template, DnsSettings dns, TemplateResource alb)
    {
        if (dns.Host is not null) AddAlias(template, LogicalNames.HostRecord, dns.HostedZoneId, dns.Host, alb);
        if (dns.PreviewDomain is not null) AddAlias(template, LogicalNames.PreviewWildcardRecord, dns.HostedZoneId, $"*.{dns.PreviewDomain}", alb);
    }

    private static void AddAlias(PulumiTemplate template, string logicalName, string zoneId, string name, TemplateResource alb) =>
        template.Add(new TemplateResource(logicalName, "aws:route53:Record", new Props
        {
            ["zoneId"] = zoneId,
            ["name"] = name,
            ["type"] = "A",
            ["aliases"] = new[]
            {
                new Props { ["name"] = alb.Out("dnsName"), ["zoneId"] = alb.Out("zoneId"), ["evaluateTargetHealth"] = true },
            },
        }));
}
