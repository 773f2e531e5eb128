using Deployments.Infra.Naming;

namespace Deployments.Infra.Config;

/// <summary>Reads and validates an environment stack's config; problems are collected on the reader.</summary>
public static class EnvironmentSettingsReader
{
    public static EnvironmentSettings Read(ConfigReader config, string stack, string region, string appName)
    {
        if (!NameRules.TryValidateEnvironmentName(stack, out var envMessage))
            config.Problem("kind", $"environment stacks are named like their environment, and stack '{stack}' {envMessage}");

        var build = ReadBuild(config);
        var app = AppSettingsReader.Read(config, appName, AppDefaults.Environment, imageRequired: build is null);
        if (build is not null && config.Has("imageTag"))
            config.Problem("imageTag", "must not be set together with build: the image is built and tagged by the program");

        var minTasks = config.Int("minTasks", 1, 0, 1000);
        var maxTasks = config.Int("maxTasks", Math.Max(minTasks, 4), 1, 1000);
        if (maxTasks < minTasks) config.Problem("maxTasks", $"'{maxTasks}' is not allowed: at least minTasks ({minTasks})");

        var certificateArn = config.OptionalString("certificateArn", ConfigPatterns.CertificateArn(), "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)");
        var dns = ReadDns(config);
        var taskPolicies = config.StringList("taskPolicyArns", "IAM policy ARNs attached to the task role");
        foreach (var arn in taskPolicies.Where(a => !ConfigPatterns.PolicyArn().IsMatch(a)))
            config.Problem("taskPolicyArns", $"{ConfigReader.Shown(arn)} is not allowed: an IAM policy ARN (arn:aws:iam::<account>:policy/<name>)");

        var protect = config.Bool("protect", false);
        var production = PostureSettingsReader.ReadProduction(config, stack, app);
        var egress = PostureSettingsReader.ReadEgress(config);
        var smokeTest = SmokeTestSettingsReader.Read(config);
        return new EnvironmentSettings
        {
            Environment = stack,
            Region = region,
            App = app,
            Network = ReadNetwork(config),
            CertificateArn = certificateArn,
            EcrKeepImages = config.Int("ecrKeepImages", 30, 1, 1000),
            // The in-use revision and the rollback target are kept on top of these, so 1 is enough; 100 is one ListTaskDefinitions page.
            KeepRevisions = config.Int("keepRevisions", 10, 1, 100),
            Build = build,
            Scaling = new ScalingSettings(minTasks, maxTasks, config.Int("cpuTarget", 70, 10, 95), config.Int("memoryTarget", 70, 10, 95)),
            ServiceHeld = config.Bool("serviceHeld", false),
            Release = ReleaseSettingsReader.Read(config, smokeTest),
            Database = ReadDatabase(config, protect),
            Protect = protect,
            Production = production,
            AccessLogs = PostureSettingsReader.ReadAccessLogs(config, production),
            TaskEgress = egress,
            Dns = dns,
            TaskPolicyArns = taskPolicies,
            PreviewDefaults = PreviewDefaultsReader.Read(config, app, egress, smokeTest),
            PreviewCapacity = ReadPreviewCapacity(config, dns),
            Ci = CiSettingsReader.Read(config),
            SmokeTest = smokeTest,
            Notify = NotifySettingsReader.Read(config),
        };
    }

    /// <summary>
    /// Previews at once; above what the environment's own load balancer holds, more load balancers are created, which
    /// serve the preview wildcard certificate and get one DNS record per preview: so they need <c>previewDomain</c>.
    /// </summary>
    private static int ReadPreviewCapacity(ConfigReader config, DnsSettings? dns)
    {
        const string key = Stacks.Shards.PreviewShardLayout.CapacityKey;
        var capacity = config.Int(key, Stacks.Shards.PreviewShardLayout.DefaultCapacity, 1, Stacks.Shards.PreviewShardLayout.MaxCapacity);
        if (capacity > Stacks.Shards.PreviewShardLayout.EnvironmentShardRoom && dns?.PreviewDomain is null)
            config.Problem(key, $"above {Stacks.Shards.PreviewShardLayout.EnvironmentShardRoom} (what the environment's own load balancer holds) needs previewDomain and hostedZoneId: the previews' further load balancers serve its wildcard certificate and each preview gets its own DNS record");
        return capacity;
    }

    private static NetworkSettings ReadNetwork(ConfigReader config)
    {
        var vpcId = config.OptionalString("vpcId", ConfigPatterns.VpcId(), "an existing VPC ID such as vpc-0123456789abcdef0");
        var publicSubnets = config.StringList("publicSubnetIds", "subnet IDs");
        var privateSubnets = config.StringList("privateSubnetIds", "subnet IDs");
        var cidr = config.String("vpcCidr", "10.0.0.0/16", ConfigPatterns.Cidr(), "an IPv4 CIDR block from /16 to /28, e.g. 10.0.0.0/16");
        var azs = config.Int("availabilityZones", 2, 2, 3);
        var nat = config.Choice("natGateways", "Single", "None", "Single", "OnePerAz");
        var existing = config.Has("vpcId") || config.Has("publicSubnetIds") || config.Has("privateSubnetIds");
        if (existing)
        {
            foreach (var key in new[] { "vpcId", "publicSubnetIds", "privateSubnetIds" }.Where(k => !config.Has(k)))
                config.Problem(key, "is required when an existing VPC is used (vpcId, publicSubnetIds and privateSubnetIds go together)");
            foreach (var (key, list) in new[] { ("publicSubnetIds", publicSubnets), ("privateSubnetIds", privateSubnets) })
            {
                if (list.Count is > 0 and < 2) config.Problem(key, "needs at least 2 subnets in different availability zones (an ALB requires two)");
                foreach (var id in list.Where(s => !ConfigPatterns.SubnetId().IsMatch(s)))
                    config.Problem(key, $"{ConfigReader.Shown(id)} is not allowed: a subnet ID such as subnet-0123456789abcdef0");
            }
            foreach (var key in new[] { "vpcCidr", "availabilityZones", "natGateways" }.Where(config.Has))
                config.Problem(key, "applies only to a new VPC; remove it or remove vpcId/publicSubnetIds/privateSubnetIds");
        }
        return new NetworkSettings
        {
            ExistingVpcId = existing ? vpcId ?? "" : null,
            PublicSubnetIds = publicSubnets,
            PrivateSubnetIds = privateSubnets,
            VpcCidr = cidr,
            AvailabilityZones = azs,
            NatGateways = nat,
        };
    }

    private static ImageBuildSettings? ReadBuild(ConfigReader config)
    {
        var build = config.Object("build");
        if (build is null) return null;
        var settings = new ImageBuildSettings(
            build.RequiredString("context", "the Docker build context directory, relative to the project"),
            build.OptionalString("dockerfile"),
            build.RequiredString("sha", "the full or short (≥7) lower-case git commit SHA", ConfigPatterns.GitSha()),
            build.OptionalString("version", ConfigPatterns.ImageTag(), "a version usable in an image tag, e.g. 1.4.2"),
            build.OptionalString("branch"),
            build.String("defaultBranch", "main"));
        build.RejectUnknownKeys();
        return settings.Sha.Length >= 7 ? settings : settings with { Sha = "0000000" };
    }

    private static DatabaseSettings? ReadDatabase(ConfigReader config, bool protect)
    {
        var enabled = config.Bool("database", false);
        var settings = new DatabaseSettings(
            config.String("databaseInstanceClass", "db.t4g.micro", ConfigPatterns.DbInstanceClass(), "an RDS instance class such as db.t4g.micro"),
            config.Int("databaseAllocatedStorage", 20, 20, 65536),
            config.String("databaseEngineVersion", "16"),
            config.String("databaseName", "app", ConfigPatterns.DatabaseName(), "1-63 letters, digits and '_', starting with a letter"),
            config.String("databaseUsername", "app", ConfigPatterns.DatabaseUser(), "1-16 letters, digits and '_', starting with a letter"),
            config.Bool("databaseMultiAz", false),
            config.Int("databaseBackupRetentionDays", protect ? 14 : 1, 0, 35));
        return enabled ? settings : null;
    }

    private static DnsSettings? ReadDns(ConfigReader config)
    {
        var zone = config.OptionalString("hostedZoneId", ConfigPatterns.HostedZoneId(), "a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ");
        var host = config.OptionalString("host", ConfigPatterns.DnsName(), ConfigPatterns.DnsNameAllowed);
        var previewDomain = config.OptionalString("previewDomain", ConfigPatterns.DnsName(), ConfigPatterns.DnsNameAllowed);
        if (zone is null)
        {
            foreach (var key in new[] { "host", "previewDomain" }.Where(config.Has))
                config.Problem(key, "needs hostedZoneId: the records are created in that Route 53 zone");
            return null;
        }
        if (previewDomain is not null && !PreviewHostRules.TryValidatePreviewDomain(previewDomain, host, out var message))
            config.Problem("previewDomain", message);
        return new DnsSettings(zone, host, previewDomain);
    }
}
