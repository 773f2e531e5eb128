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
        if (spec.Protect) props["finalSnapshotIdentifier"] = FinalSnapshotIdentifier(template, spec);
        return template.Add(new TemplateResource(LogicalNames.Database, "aws:rds:Instance", props,
            new ResourceOptions { Protect = spec.Protect }));
    }

    /// <summary>
    /// <c>&lt;identifier&gt;-final-&lt;8 hex&gt;</c>. RDS refuses a final snapshot whose name exists, so a fixed name would make
    /// deleting a re-created database fail while the first one's snapshot is kept. The suffix is a
    /// <c>random:RandomId</c> born with the stack (a re-created stack gets a new one) and renewed when a property
    /// that replaces the instance changes (its keepers), so every instance's final snapshot has its own name.
    /// Snapshot names: 1-255 letters, digits and hyphens, starting with a letter
    /// (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html).
    /// </summary>
    private static Expr FinalSnapshotIdentifier(PulumiTemplate template, DatabaseSpec spec)
    {
        var suffix = template.Add(new TemplateResource(LogicalNames.FinalSnapshotSuffix, "random:index:RandomId", new Props
        {
            ["byteLength"] = 4,
            ["keepers"] = new Props
            {
                ["identifier"] = spec.Identifier,
                ["dbName"] = spec.DatabaseName,
                ["username"] = spec.Username,
            },
        }, new ResourceOptions { Version = ProviderVersions.Random }));
        return Expr.Interpolate($"{spec.Identifier}-final-", suffix.Out("hex"));
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
