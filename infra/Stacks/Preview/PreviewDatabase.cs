using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Preview;

/// <summary>
/// A preview's database by strategy (see <see cref="DatabaseStrategies"/>): what the containers get, and for
/// <c>instance</c> the preview's own small RDS instance (no protection, no final snapshot: it dies with the branch).
/// </summary>
public sealed record PreviewDatabase(
    IReadOnlyDictionary<string, object> Environment,
    IReadOnlyDictionary<string, object> Secrets,
    Expr? SecretArn)
{
    /// <summary>The sidecar image comes from ECR Public's Docker library mirror: no Docker Hub pull limits.</summary>
    public const string SidecarImage = "public.ecr.aws/docker/library/postgres:16-alpine";
    public const string SidecarName = "postgres";

    public static PreviewDatabase Add(PulumiTemplate template, PreviewSettings settings, PreviewNames names,
        TemplateResource tasksSecurityGroup, Func<string, Expr> parent)
    {
        switch (settings.DatabaseStrategy)
        {
            case DatabaseStrategies.Sidecar:
                return new PreviewDatabase(new Dictionary<string, object>
                {
                    ["DATABASE_HOST"] = "localhost",
                    ["DATABASE_PORT"] = "5432",
                    ["DATABASE_NAME"] = "app",
                    ["DATABASE_USERNAME"] = "postgres",
                    // No password: the sidecar trusts connections inside the task; port 5432 is not open in the
                    // task's security group, so nothing outside the task can reach it.
                    ["DATABASE_URL"] = "postgresql://postgres@localhost:5432/app",
                }, new Dictionary<string, object>(), null);
            case DatabaseStrategies.Instance:
                var database = DatabaseResources.Add(template, new DatabaseSpec
                {
                    Identifier = names.DatabaseIdentifier,
                    SecurityGroupName = names.DatabaseSecurityGroupName,
                    SubnetGroupName = names.DatabaseSubnetGroupName,
                    VpcId = parent(OutputNames.VpcId),
                    SubnetIds = parent(OutputNames.PrivateSubnetIds),
                    ClientSecurityGroupId = tasksSecurityGroup.Out("id"),
                    InstanceClass = "db.t4g.micro",
                    AllocatedStorage = 20,
                    EngineVersion = "16",
                    DatabaseName = "app",
                    Username = "app",
                    MultiAz = false,
                    BackupRetentionDays = 0,
                    Protect = false,
                });
                var (environment, secrets) = DatabaseResources.ContainerSettings(database, "app");
                return new PreviewDatabase(environment, secrets, DatabaseResources.SecretArn(database));
            default:
                return new PreviewDatabase(new Dictionary<string, object>(), new Dictionary<string, object>(), null);
        }
    }

    /// <summary>
    /// The task's containers. With a sidecar the database starts empty in every task, so the task migrates it
    /// itself before serving: PostgreSQL (healthy once <c>pg_isready</c> answers), then the migration as a
    /// non-essential container waiting for it HEALTHY, then the app waiting for the migration's SUCCESS (exit 0) —
    /// a failed migration leaves the app unstarted, so the task never serves
    /// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html). An empty
    /// <c>migrationCommand</c> would run the image's own command (the app), so it means no in-task migration.
    /// </summary>
    public static IReadOnlyList<ContainerSpec> WithSidecar(PreviewSettings settings, ContainerSpec app, ContainerSpec migration)
    {
        if (settings.DatabaseStrategy != DatabaseStrategies.Sidecar) return [app];
        var sidecar = new ContainerSpec
        {
            Name = SidecarName,
            Image = SidecarImage,
            Environment = new Dictionary<string, object> { ["POSTGRES_DB"] = "app", ["POSTGRES_HOST_AUTH_METHOD"] = "trust" },
            LogGroup = app.LogGroup,
            Region = app.Region,
            StreamPrefix = SidecarName,
            HealthCheckCommand = ["CMD-SHELL", "pg_isready -U postgres -d app"],
        };
        if (!MigratesInTask(settings))
            return [app with { DependsOn = [ContainerDependency.HealthyOf(SidecarName)] }, sidecar];
        var migrate = migration with
        {
            Name = AppContainers.InTaskMigrationName,
            Image = app.Image,
            Essential = false,
            DependsOn = [ContainerDependency.HealthyOf(SidecarName)],
        };
        return [app with { DependsOn = [ContainerDependency.HealthyOf(SidecarName), ContainerDependency.SuccessOf(migrate.Name)] }, migrate, sidecar];
    }

    /// <summary>Whether the app task runs the migration itself (a sidecar database and a migration command).</summary>
    public static bool MigratesInTask(PreviewSettings settings) =>
        settings.DatabaseStrategy == DatabaseStrategies.Sidecar && settings.App.MigrationCommand.Count > 0;
}
