using Deployments.Infra.Config;
using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Config;

/// <summary>
/// A config value marked secret never reaches the template in plain text: every key the compiler reads is refused
/// when secret, naming the key and the way out (<c>secrets:</c> with an SSM or Secrets Manager ARN), and no message
/// echoes its value. The secret keys come from PULUMI_CONFIG_SECRET_KEYS (set by the deployer; the YAML host does not)
/// and from <c>secure:</c> values in the stack file.
/// </summary>
public class SecretConfigTests
{
    private const string Password = "hunter2-very-secret";

    private static ConfigSource Staging(params string[] secretKeys)
    {
        var source = StackFixtures.FromStackFile("staging", $"env={{\"DB_PASSWORD\":\"{Password}\"}}");
        foreach (var key in secretKeys) source.MarkSecret(key);
        return source;
    }

    [Test]
    public void A_secret_env_is_refused_naming_the_key_and_secrets_instead()
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(Staging("deployments:env"), "staging"));

        var problem = error.Problems.Single();
        problem.Key.ShouldBe("deployments:env");
        problem.Message.ShouldContain("secret");
        problem.Message.ShouldContain("'secrets'");
        problem.Message.ShouldContain("Secrets Manager");
        error.Message.ShouldNotContain(Password);
    }

    [TestCase("deployments:imageTag", "imageTag=" + Password + "\n")]   // invalid too: its own message must not echo it
    [TestCase("deployments:appName", "appName=" + Password)]
    [TestCase("aws:region", "aws:region=" + Password)]
    public void Any_key_the_compiler_reads_is_refused_when_secret_and_its_value_never_echoed(string key, string assignment)
    {
        var source = StackFixtures.FromStackFile("staging", assignment);
        source.MarkSecret(key);

        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(source, "staging"));

        error.Problems.ShouldContain(p => p.Key == key && p.Message.Contains("is marked secret", StringComparison.Ordinal));
        error.Message.ShouldNotContain(Password);
    }

    [Test]
    public void Secret_keys_the_compiler_does_not_read_are_left_to_their_provider()
    {
        var source = StackFixtures.FromStackFile("staging", "aws:secretKey=abc");
        source.MarkSecret("aws:secretKey");

        var template = StackFixtures.CompileJson("staging", source);

        template.ShouldNotContain("abc\"");
    }

    [Test]
    public void Values_of_keys_that_may_hold_anything_are_not_echoed_when_long()
    {
        var error = Should.Throw<ConfigException>(() => StackCompiler.Compile(StackFixtures.FromStackFile("staging", "healthCheckPath=" + new string('x', 300)), "staging"));

        error.Message.ShouldNotContain(new string('x', 100));
        error.Problems.Single().Message.ShouldContain("300 characters");
    }

    [Test]
    public void A_config_argument_without_equals_is_not_echoed()
    {
        var source = new ConfigSource();
        source.ApplyOverrides([Password], "deployments");

        source.LoadProblems.Single().ToString().ShouldNotContain(Password);
    }

    [TestCase("[\"deployments:env\",\"aws:region\"]", true)]
    [TestCase("[]", true)]
    [TestCase("deployments:env", false)]
    [TestCase("{\"a\":1}", false)]
    [TestCase("[1]", false)]
    public void Secret_keys_are_a_json_array_of_strings(string json, bool valid)
    {
        var source = new ConfigSource();

        source.TryMarkSecretKeysJson(json).ShouldBe(valid);
        if (valid && json != "[]") source.SecretKeys.ShouldContain("deployments:env");
    }

    [Test]
    public void Under_the_host_secure_values_of_the_stack_file_mark_their_keys_secret()
    {
        var file = Path.Combine(Path.GetTempPath(), $"Pulumi.sec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "config:\n  aws:region: eu-west-1\n  deployments:env:\n    secure: AAABAKzS\n  deployments:cpu: 256\n");
        try
        {
            var source = ConfigSource.FromPulumiConfigJson($"{{\"deployments:env\":\"{{\\\"DB_PASSWORD\\\":\\\"{Password}\\\"}}\"}}");

            StackFileLoader.MarkSecureKeys(source, file, "deployments");

            source.SecretKeys.ShouldBe(["deployments:env"]);
        }
        finally { File.Delete(file); }
    }
}
