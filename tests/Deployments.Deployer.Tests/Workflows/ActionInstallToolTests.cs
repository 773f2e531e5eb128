using System.Runtime.InteropServices;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>action/install-tool.sh against a fake <c>dotnet</c> that records each call (one line, arguments separated
/// by '|') and answers <c>msbuild -getProperty:</c> as the project would: the commands that install the tool.</summary>
[Category("workflows")]
public class ActionInstallToolTests
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        log="$(dirname "$0")/../dotnet-calls"
        (IFS='|'; echo "$*") >> "$log"
        case "$1 $2" in
          "msbuild "*)
            case "$3" in
              -getProperty:Version) echo 0.2.0 ;;
              -getProperty:ToolPackageRuntimeIdentifiers) echo "${FAKE_RIDS-any;linux-x64;linux-arm64;osx-arm64}" ;;
              -getProperty:PublishAot) echo "${FAKE_AOT-true}" ;;
            esac ;;
          "tool install") [ -n "${FAKE_INSTALL_FAILS-}" ] && exit 1 ;;
        esac
        exit 0
        """;

    private static string Rid =>
        (OperatingSystem.IsMacOS() ? "osx" : "linux") + (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "-arm64" : "-x64");

    private static string[] Calls(ActionScript action)
    {
        var log = Path.Combine(action.Root, "dotnet-calls");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    [Test]
    public void From_nuget_the_pinned_version_goes_into_its_own_folder_on_the_path()
    {
        // Arrange
        using var action = new ActionScript();
        action.AddExecutable("dotnet", FakeDotnet);
        var tools = Path.Combine(action.Root, "temp", "deployments-tool", "nuget-0.2.0");

        // Act
        var result = action.Run("install-tool.sh", new Dictionary<string, string> { ["INPUT_TOOL_SOURCE"] = "nuget", ["INPUT_TOOL_VERSION"] = "0.2.0" });

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        Calls(action).ShouldBe([$"tool|install|--tool-path|{tools}|Deployments|--version|0.2.0"]);
        File.ReadAllText(action.GitHubPath).ShouldBe(tools + "\n");
    }

    [Test]
    public void Built_from_the_checkout_it_packs_the_top_level_this_runners_and_the_fallback_package_and_installs_from_that_feed_only()
    {
        // Arrange
        using var action = new ActionScript();
        action.AddExecutable("dotnet", FakeDotnet);
        var project = RepoRoot.File("deployer", "Deployments.Deployer.csproj");
        var feed = Path.Combine(action.Root, "temp", "deployments-feed");
        var tools = Path.Combine(action.Root, "temp", "deployments-tool", "build");

        // Act
        var result = action.Run("install-tool.sh", new Dictionary<string, string> { ["INPUT_TOOL_SOURCE"] = "build", ["INPUT_TOOL_VERSION"] = "0.2.0" });

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        Calls(action).ShouldBe([
            $"msbuild|{project}|-getProperty:Version",
            $"pack|{project}|-c|Release|-o|{feed}",
            $"msbuild|{project}|-getProperty:ToolPackageRuntimeIdentifiers",
            $"msbuild|{project}|-getProperty:PublishAot",
            $"pack|{project}|-c|Release|-o|{feed}|-r|{Rid}",
            $"pack|{project}|-c|Release|-o|{feed}|-r|any",
            $"tool|install|--tool-path|{tools}|Deployments|--version|0.2.0|--configfile|{feed}/nuget.config",
        ]);
        var config = File.ReadAllText(Path.Combine(feed, "nuget.config"));
        config.ShouldContain("<clear />");
        config.ShouldContain($"<add key=\"deployments-build\" value=\"{feed}\" />");
        File.ReadAllText(action.GitHubPath).ShouldBe(tools + "\n");
    }

    [Test]
    public void A_framework_dependent_tool_is_packed_once()
    {
        using var action = new ActionScript();
        action.AddExecutable("dotnet", FakeDotnet);

        var result = action.Run("install-tool.sh", new Dictionary<string, string> { ["INPUT_TOOL_SOURCE"] = "build", ["INPUT_TOOL_VERSION"] = "0.2.0", ["FAKE_AOT"] = "", ["FAKE_RIDS"] = "" });

        result.ExitCode.ShouldBe(0, result.StdErr);
        Calls(action).Count(c => c.StartsWith("pack|", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public void A_failed_install_is_exit_1_and_puts_nothing_on_the_path()
    {
        using var action = new ActionScript();
        action.AddExecutable("dotnet", FakeDotnet);

        var result = action.Run("install-tool.sh", new Dictionary<string, string> { ["INPUT_TOOL_SOURCE"] = "nuget", ["INPUT_TOOL_VERSION"] = "0.2.0", ["FAKE_INSTALL_FAILS"] = "1" });

        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldContain("could not install the Deployments tool 0.2.0 from NuGet");
        File.ReadAllText(action.GitHubPath).ShouldBeEmpty();
    }

    [Test]
    public void A_bad_tool_version_is_refused_before_dotnet_is_called()
    {
        using var action = new ActionScript();
        action.AddExecutable("dotnet", FakeDotnet);

        var result = action.Run("install-tool.sh", new Dictionary<string, string> { ["INPUT_TOOL_SOURCE"] = "nuget", ["INPUT_TOOL_VERSION"] = "0.2.0 --add-source http://evil" });

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("input 'tool-version' must be a package version such as 0.2.0");
        Calls(action).ShouldBeEmpty();
    }
}
