namespace Deployments.Deployer.Tests.Workflows;

/// <summary>action/install-pulumi.sh against a fake release server: the archive is installed only when it matches the
/// release's published SHA-256, cached, and checked again on every run.</summary>
[Category("workflows")]
public class ActionInstallPulumiTests
{
    private const string Version = "3.259.0";

    private static Dictionary<string, string> Inputs(FakePulumiReleases releases) => new()
    {
        ["INPUT_PULUMI_VERSION"] = Version,
        ["DEPLOYMENTS_PULUMI_RELEASES_URL"] = releases.Url,
    };

    private static string Installed(ActionScript action) => Path.Combine(action.Root, "temp", "deployments-pulumi", Version, "pulumi");
    private static string Cached(ActionScript action, FakePulumiReleases releases) => Path.Combine(action.Root, "toolcache", "deployments-pulumi", Version, releases.ArchiveName);

    [Test]
    public void A_verified_release_is_installed_and_put_on_the_path()
    {
        // Arrange
        using var releases = new FakePulumiReleases(Version);
        using var action = new ActionScript();

        // Act
        var result = action.Run("install-pulumi.sh", Inputs(releases));

        // Assert
        result.ExitCode.ShouldBe(0, result.StdErr);
        File.ReadAllText(action.GitHubPath).ShouldBe(Installed(action) + "\n");
        File.Exists(Path.Combine(Installed(action), "pulumi")).ShouldBeTrue();
        releases.Requests.ShouldBe([releases.ChecksumsName, releases.ArchiveName]);
        File.Exists(Cached(action, releases)).ShouldBeTrue();
    }

    [Test]
    public void The_next_run_takes_the_cached_archive_after_checking_it_again()
    {
        using var releases = new FakePulumiReleases(Version);
        using var action = new ActionScript();
        action.Run("install-pulumi.sh", Inputs(releases)).ExitCode.ShouldBe(0);

        var result = action.Run("install-pulumi.sh", Inputs(releases));

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldContain("the cached " + releases.ArchiveName + " matches its published SHA-256");
        releases.Requests.ShouldBe([releases.ChecksumsName, releases.ArchiveName, releases.ChecksumsName]);
    }

    [Test]
    public void A_cached_archive_that_no_longer_matches_is_downloaded_again()
    {
        using var releases = new FakePulumiReleases(Version);
        using var action = new ActionScript();
        action.Run("install-pulumi.sh", Inputs(releases)).ExitCode.ShouldBe(0);
        File.WriteAllText(Cached(action, releases), "not the archive");

        var result = action.Run("install-pulumi.sh", Inputs(releases));

        result.ExitCode.ShouldBe(0, result.StdErr);
        releases.Requests.Count(r => r == releases.ArchiveName).ShouldBe(2);
    }

    [Test]
    public void An_archive_that_does_not_match_its_checksum_is_refused_with_exit_7_and_nothing_installed()
    {
        // Arrange
        using var releases = new FakePulumiReleases(Version);
        releases.Tamper();
        using var action = new ActionScript();

        // Act
        var result = action.Run("install-pulumi.sh", Inputs(releases));

        // Assert
        result.ExitCode.ShouldBe(7);
        result.StdErr.ShouldContain($"{releases.ArchiveName} does not match the SHA-256 in {releases.ChecksumsName}");
        File.ReadAllText(action.GitHubPath).ShouldBeEmpty();
        Directory.Exists(Installed(action)).ShouldBeFalse();
        File.Exists(Cached(action, releases)).ShouldBeFalse();
    }

    [Test]
    public void A_checksums_file_without_the_archive_is_refused_with_exit_7()
    {
        using var releases = new FakePulumiReleases(Version);
        releases.DropChecksum();
        using var action = new ActionScript();

        var result = action.Run("install-pulumi.sh", Inputs(releases));

        result.ExitCode.ShouldBe(7);
        result.StdErr.ShouldContain($"{releases.ChecksumsName} lists no SHA-256 for {releases.ArchiveName}");
        releases.Requests.ShouldBe([releases.ChecksumsName]);
        File.ReadAllText(action.GitHubPath).ShouldBeEmpty();
    }

    [Test]
    public void A_missing_release_is_exit_7_naming_the_url()
    {
        using var releases = new FakePulumiReleases(Version);
        using var action = new ActionScript();

        var result = action.Run("install-pulumi.sh", new Dictionary<string, string>(Inputs(releases)) { ["INPUT_PULUMI_VERSION"] = "3.220.0" });

        result.ExitCode.ShouldBe(7);
        result.StdErr.ShouldContain($"could not download {releases.Url}/pulumi-3.220.0-checksums.txt");
    }
}
