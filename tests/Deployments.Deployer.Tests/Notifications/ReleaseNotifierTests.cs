using System.Diagnostics;
using Deployments.Deployer.Notifications;
using Deployments.Deployer.Tests.TestSupport;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Tests.Notifications;

/// <summary>The notifier's bounds against a slow webhook, and the Slack body's escaping.</summary>
public class ReleaseNotifierTests
{
    [Test]
    public void A_slow_webhook_is_given_up_on_after_two_bounded_attempts()
    {
        // Arrange: the webhook answers after 5 s; each attempt may take 0.3 s
        using var slow = new FakeHttpServer { Delay = TimeSpan.FromSeconds(5) };
        var log = new StringWriter();
        var notifier = new ReleaseNotifier(name => name == "HOOK" ? slow.Url + "/hook" : null, log, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(10));
        var clock = Stopwatch.StartNew();

        // Act
        notifier.NotifyAsync(new NotifySettings("slack", "HOOK"), new ReleaseNotice("staging", "1.1.0", true, "ok"), CancellationToken.None).GetAwaiter().GetResult();

        // Assert
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        log.ToString().ShouldContain("trying once more");
        log.ToString().ShouldContain("warning: the team was not notified: the slack webhook in HOOK failed (no answer within 0.3 s)");
        Thread.Sleep(300);
        slow.Received().Count.ShouldBe(2);
    }

    [Test]
    public void Slack_control_characters_in_the_outcome_are_escaped()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(NotificationBody.Slack(new ReleaseNotice("staging", "1.1.0", false, "failed: <!channel> & <https://evil.example|click>")))!["text"]!.GetValue<string>();

        body.ShouldNotContain("<!channel>");
        body.ShouldContain("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;");
    }
}
