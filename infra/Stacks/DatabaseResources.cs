using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks;

/// <summary>
/// Private, encrypted PostgreSQL whose master password AWS Secrets Manager creates and rotates
/// (<c>manageMasterUserPassword</c>): the password never appears in config, template or state. The app receives
/// user name and password as ECS secrets from that secret, and host, port and name as plain values.
/// </summary>
public static class DatabaseResources
{
    public const int Port = 5432;

    public static TemplateResource Add(PulumiTemplate template, DatabaseSpec spec)
    {
        var subnets = template.Add(new TemplateResource(LogicalNames.DatabaseSubnetGroup, "aws:rds:SubnetGroup", new Props
        {
            ["name"] = spec.SubnetGroupName,
            ["subnetIds"] = spec.SubnetIds,
        }));
        var securityGroup = template.Add(new TemplateResource(LogicalNames.DatabaseSecurityGroup, "aws:ec2:SecurityGroup", new Props
        {
            ["name"] = spec.SecurityGroupName,
            ["description"] = "PostgreSQL, from the app's tasks only",
            ["vpcId"] = spec.VpcId,
            ["ingress"] = new[]
            {
                new Props
                {
                    ["description"] = "PostgreSQL from app and migration tasks",
                    ["protocol"] = "tcp",
                    ["fromPort"] = Port,
                    ["toPort"] = Port,
                    ["securityGroups"] = new[] { spec.ClientSecurityGroupId },
                },
            },
        }));
        var props = new Props
        {
            ["identifier"] = spec.Identifier,
            ["engine"] = "postgres",
            ["engineVersion"] = spec.EngineVersion,
            ["instanceClass"] = spec.InstanceClass,
            ["allocatedStorage"] = spec.AllocatedStorage,
            ["storageType"] = "gp3",
            ["storageEncrypted"] = true,
            ["dbName"] = spec.DatabaseName,
            ["username"] = spec.Username,
            ["manageMasterUserPassword"] = true,
            ["port"] = Port,
            ["dbSubnetGroupName"] = subnets.Out("name"),
            ["vpcSecurityGroupIds"] = new[] { securityGroup.Out("id") },
            ["publiclyAccessible"] = false,
            ["multiAz"] = spec.MultiAz,
            ["backupRetentionPeriod"] = spec.BackupRetentionDays,
            ["deletionProtection"] = spec.Protect,
            ["skipFinalSnapshot"] = !spec.Protect,
            ["copyTagsToSnapshot"] = true,
            ["autoMinorVersionUpgrade"] = true,
            ["applyImmediately"] = !spec.Protect,
        };
        // The final snapshot's name is fixed; deleting twice needs the old snapshot removed first (RDS rejects duplicates).
        if (spec.Protect) props["finalSnapshotIdentifier"] = $"{spec.Identifier}-final";
        return template.Add(new TemplateResource(LogicalNames.Database, "aws:rds:Instance", props,
            new ResourceOptions { Protect = spec.Protect }));
    }

    /// <summary>The ARN of the secret RDS created for the master user.</summary>
    public static Expr SecretArn(TemplateResource database) => database.Out("masterUserSecrets[0].secretArn");

    /// <summary>Connection settings for the containers: secrets by ARN and JSON key, the rest plain.</summary>
    public static (Dictionary<string, object> Environment, Dictionary<string, object> Secrets) ContainerSettings(TemplateResource database, string databaseName) =>
        (new Dictionary<string, object>
        {
            ["DATABASE_HOST"] = database.Out("address"),
            ["DATABASE_PORT"] = "5432",
            ["DATABASE_NAME"] = databaseName,
        },
        new Dictionary<string, object>
        {
            ["DATABASE_USERNAME"] = Expr.Interpolate(SecretArn(database), ":username::"),
            ["DATABASE_PASSWORD"] = Expr.Interpolate(SecretArn(database), ":password::"),
        });
}
