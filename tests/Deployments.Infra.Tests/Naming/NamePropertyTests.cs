using System.Text;
using System.Text.RegularExpressions;
using Deployments.Infra.Naming;

namespace Deployments.Infra.Tests.Naming;

/// <summary>
/// Over many generated branch names: every derived name is within its limit and charset, and no two distinct
/// branches share any derived name. Generation is seeded, so a failure reproduces.
/// </summary>
public partial class NamePropertyTests
{
    private const int Count = 20_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex Slug();
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")] private static partial Regex Stack();
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$")] private static partial Regex Elb();
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")] private static partial Regex DnsLabel();
    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")] private static partial Regex IamRole();
    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")] private static partial Regex Ecs();
    [GeneratedRegex(@"^[.\-_/#A-Za-z0-9]{1,512}$")] private static partial Regex LogGroup();
    [GeneratedRegex("^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}(?<!-)$")] private static partial Regex DbInstance();

    public static IEnumerable<string> Branches()
    {
        var random = new Random(20261122);
        const string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_.-";
        string[] exotic = ["ü", "é", "ß", "日", "本", "🚀", "—", " ", "#", "@"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Count < Count)
        {
            var length = random.Next(4) == 0 ? random.Next(41, 300) : random.Next(1, 41);
            var text = new StringBuilder();
            for (var i = 0; i < length; i++)
                text.Append(random.Next(12) == 0 ? exotic[random.Next(exotic.Length)] : ascii[random.Next(ascii.Length)].ToString());
            var branch = text.ToString();
            // Near-duplicates: the same text in other case and punctuation, and with a hash-like tail.
            foreach (var variant in new[] { branch, branch.ToUpperInvariant(), branch.Replace('/', '-'), branch.Replace('-', '_'),
                         $"{branch.ToLowerInvariant()}-{random.Next():x8}", BranchSlug.From(branch).Value })
                if (seen.Count < Count) seen.Add(variant);
        }
        return seen;
    }

    [Test]
    public void Every_name_is_within_its_limit_and_charset_and_unique_per_branch()
    {
        // Arrange
        var owners = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var failures = new List<string>();

        // Act
        foreach (var branch in Branches())
        {
            var n = PreviewNames.For("shop", branch);
            (string Kind, string Name, Regex Rule)[] checks =
            [
                ("slug", n.Slug, Slug()), ("stack", n.StackName, Stack()), ("host", n.HostLabel, DnsLabel()),
                ("targetGroup", n.TargetGroupName, Elb()), ("service", n.ServiceName, Ecs()), ("family", n.TaskFamily, Ecs()),
                ("migrationFamily", n.MigrationTaskFamily, Ecs()), ("logGroup", n.LogGroupName, LogGroup()),
                ("database", n.DatabaseIdentifier, DbInstance()), ("executionRole", n.ExecutionRoleName, IamRole()),
                ("dbSubnetGroup", n.DatabaseSubnetGroupName, Ecs()), ("tasksSg", n.TasksSecurityGroupName, Ecs()),
            ];
            foreach (var (kind, name, rule) in checks)
            {
                if (!rule.IsMatch(name)) failures.Add($"{kind} '{name}' of branch '{branch}' breaks its rule");
                var byName = owners.TryGetValue(kind, out var map) ? map : owners[kind] = new(StringComparer.Ordinal);
                if (byName.TryGetValue(name, out var other) && other != branch) failures.Add($"{kind} '{name}' shared by '{other}' and '{branch}'");
                byName[name] = branch;
            }
        }

        // Assert
        failures.Take(10).ShouldBeEmpty();
        owners["slug"].Count.ShouldBe(Count);
    }
}
