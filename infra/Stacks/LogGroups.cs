using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>CloudWatch log groups with retention (an unset retention keeps logs, and their cost, forever).</summary>
public static class LogGroups
{
    public static TemplateResource Add(PulumiTemplate template, string name, int retentionDays) =>
        template.Add(new TemplateResource(LogicalNames.LogGroup, "aws:cloudwatch:LogGroup", new Props
        {
            ["name"] = name,
            ["retentionInDays"] = retentionDays,
        }));

    /// <summary>The ARN form IAM needs for log streams: the group ARN plus <c>:*</c>.</summary>
    public static Expr StreamsArn(TemplateResource logGroup) => Expr.Interpolate(logGroup.Out("arn"), ":*");
}
