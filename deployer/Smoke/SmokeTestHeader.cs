namespace Deployments.Deployer.Smoke;

/// <summary>
/// A header every request of a smoke test must carry to reach the new tasks: at a release's test gate, the environment's
/// test route (README "Release strategies"). Given to the smoke test as <c>DEPLOYMENTS_TEST_HEADER_NAME</c> and
/// <c>DEPLOYMENTS_TEST_HEADER_VALUE</c>.
/// </summary>
public sealed record SmokeTestHeader(string Name, string Value);
