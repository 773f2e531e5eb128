using Deployments.Infra.Tests.TestSupport;

namespace Deployments.Infra.Tests.Compiler;

/// <summary>The compiler as the YAML host runs it, with PULUMI_CONFIG_SECRET_KEYS as the deployer sets it.</summary>
[NonParallelizable]
public class SecretKeysProcessTests
{
    private const string Password = "hunter2-very-secret";

    private static Dictionary<string, string?> Environment(string secretKeys)
    {
        var source = StackFixtures.FromAssignments([.. StackFixtures.PreviewConfig, $"env={{\"DB_PASSWORD\":\"{Password}\"}}"]);
        var environment = CompilerProcess.RunEnvironment("preview-x", System.Text.Json.JsonSerializer.Serialize(source.Values));
        environment["PULUMI_CONFIG_SECRET_KEYS"] = secretKeys;
        return environment;
    }

    [Test]
    public void A_secret_env_is_invalid_config_and_the_value_is_printed_nowhere()
    {
        var result = CompilerProcess.Run(Environment("[\"deployments:env\"]"));

        result.ExitCode.ShouldBe(Infra.ExitCodes.InvalidConfig);
        result.StdErr.ShouldContain("deployments:env: is marked secret");
        (result.StdOut + result.StdErr).ShouldNotContain(Password);
    }

    [Test]
    public void Malformed_secret_keys_are_a_usage_error_naming_the_variable_not_its_value()
    {
        var result = CompilerProcess.Run(Environment("deployments:env," + Password));

        result.ExitCode.ShouldBe(Infra.ExitCodes.Usage);
        result.StdErr.ShouldContain("PULUMI_CONFIG_SECRET_KEYS");
        result.StdErr.ShouldNotContain(Password);
        result.StdOut.ShouldBeEmpty();
    }
}
