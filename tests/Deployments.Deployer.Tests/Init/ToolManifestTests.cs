using System.Text.Json.Nodes;
using Deployments.Deployer.Init;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Init;

/// <summary>A repository that already pins other .NET tools keeps them: init adds its entry to the manifest.</summary>
public class ToolManifestTests
{
    private const string TheirManifest = """
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "dotnet-ef": {
              "version": "9.0.0",
              "commands": ["dotnet-ef"]
            }
          }
        }
        """;

    private static DeployerRun.Result Init(AppRepository repository, params string[] args) =>
        DeployerRun.Run(["init", "--dir", repository.Dir, .. args]);

    private static void WriteManifest(AppRepository repository, string text)
    {
        Directory.CreateDirectory(Path.Combine(repository.Dir, ".config"));
        File.WriteAllText(Path.Combine(repository.Dir, ".config", "dotnet-tools.json"), text);
    }

    [Test]
    public void Our_entry_is_added_beside_the_team_s_tools_without_force()
    {
        using var repository = new AppRepository();
        WriteManifest(repository, TheirManifest);

        // Act
        var result = Init(repository);

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("updated     .config/dotnet-tools.json");
        var tools = JsonNode.Parse(repository.Read(".config/dotnet-tools.json"))!["tools"]!;
        tools["dotnet-ef"]!["version"]!.GetValue<string>().ShouldBe("9.0.0");
        tools["deployments"]!["version"]!.GetValue<string>().ShouldBe(ToolIdentity.Running.Version);
        Init(repository).StdOut.ShouldContain("unchanged   .config/dotnet-tools.json");
    }

    [Test]
    public void Another_pinned_version_of_ours_is_changed_only_with_force_and_the_other_tools_stay()
    {
        using var repository = new AppRepository();
        var older = TheirManifest.Replace("\"tools\": {", "\"tools\": {\n    \"deployments\": { \"version\": \"0.0.1\", \"commands\": [\"deployments\"] },", StringComparison.Ordinal);
        WriteManifest(repository, older);

        // Act
        var refused = Init(repository);
        var forced = Init(repository, "--force");

        // Assert
        refused.ExitCode.ShouldBe(2);
        refused.StdErr.ShouldContain(".config/dotnet-tools.json already exists with other content");
        forced.ExitCode.ShouldBe(0, forced.StdErr);
        var tools = JsonNode.Parse(repository.Read(".config/dotnet-tools.json"))!["tools"]!.AsObject();
        tools.Select(t => t.Key).ShouldBe(["dotnet-ef", "deployments"]);
        tools["deployments"]!["version"]!.GetValue<string>().ShouldBe(ToolIdentity.Running.Version);
    }

    [Test]
    public void A_manifest_that_already_pins_this_version_is_left_as_it_is()
    {
        var text = TheirManifest.Replace("\"tools\": {", $"\"tools\": {{ \"Deployments\": {{ \"version\": \"{ToolIdentity.Running.Version}\" }},", StringComparison.Ordinal);

        ToolManifest.Pin(text, ToolIdentity.Running.Version, out var onlyAdds).ShouldBeSameAs(text);
        onlyAdds.ShouldBeFalse();
    }

    [TestCase("not json")]
    [TestCase("[1, 2]")]
    [TestCase("{\"tools\": []}")]
    public void Text_that_is_not_a_manifest_is_not_merged(string text) =>
        ToolManifest.Pin(text, "0.2.0", out _).ShouldBeNull();
}
