using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>
/// Property tests: the real stack configs with values, and the real stack file with text, mutated (deterministic
/// seed, bounded count, in-process). The compiler either builds a template or throws one ConfigException whose
/// problems each name a key or the file — never another exception, never a secret value in the message.
/// </summary>
public class ConfigFuzzTests
{
    private const string Secret = "s3cr3t-value-xyz";

    private static readonly string[] HostileValues =
    [
        "", " ", "main\n", "a\u0000b", "\u001b[31m", "-1", "99999999999999999999", "1e400", "true", "null", "[]", "{}", "{\"a\":",
        "[" + new string('[', 500), new string('x', 5000), "${evil}", "$${x}", "🚀\ud800", "@octocat", Secret,
        "{\"A\":\"" + Secret + "\"}", "[\"" + Secret + "\"]", "arn:aws:ssm:eu-west-1:123456789012:parameter/x\n",
    ];

    private static void ShouldCompileOrExplain(string stack, ConfigSource source, string what)
    {
        try
        {
            StackCompiler.Compile(source, stack);
        }
        catch (ConfigException e)
        {
            e.Problems.ShouldNotBeEmpty(what);
            e.Problems.ShouldAllBe(p => p.Key.Length > 0, what);
            e.Message.Length.ShouldBeLessThan(20_000, what);
        }
    }

    [TestCase("staging")]
    [TestCase("production")]
    public void Mutated_config_values_compile_or_name_their_key(string stack)
    {
        var random = new Random(stack.Length * 7919);
        var keys = StackFixtures.FromStackFile(stack).Values.Keys.Concat(["deployments:previewDefaults", "deployments:build"]).Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 300; i++)
        {
            var key = keys[random.Next(keys.Length)];
            var value = HostileValues[random.Next(HostileValues.Length)];
            var source = StackFixtures.FromStackFile(stack);
            source.Set(key, value);
            var secret = random.Next(3) == 0;
            if (secret) source.MarkSecret(key);
            var what = $"case {i}: {key} = {value[..Math.Min(40, value.Length)]}{(secret ? " (secret)" : "")}";

            ShouldCompileOrExplain(stack, source, what);
            if (secret)
                Should.Throw<ConfigException>(() => StackCompiler.Compile(source, stack), what).Message.ShouldNotContain(Secret, customMessage: what);
        }
    }

    [Test]
    public void Mutated_stack_file_text_loads_and_compiles_or_names_the_file()
    {
        var random = new Random(42);
        var original = File.ReadAllText(RepoRoot.File("Pulumi.staging.yaml"));
        string[] inserts = ["&a ", "*a", "*b", "? ", ": ", "- ", "[", "]", "{", "}", "\n  ", "\t", "\"", "'", "!!binary ", "<<: *a\n", "%YAML 1.1\n", "---\n", "\u0000"];
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.fuzz-{Guid.NewGuid():N}.yaml");
        try
        {
            for (var i = 0; i < 300; i++)
            {
                var text = original;
                for (var n = random.Next(1, 4); n > 0; n--)
                    text = text.Insert(random.Next(text.Length), inserts[random.Next(inserts.Length)]);
                File.WriteAllText(file, text);
                var source = new ConfigSource();

                StackFileLoader.LoadInto(source, file, PulumiProject.DefaultName);

                ShouldCompileOrExplain("staging", source, $"case {i}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
