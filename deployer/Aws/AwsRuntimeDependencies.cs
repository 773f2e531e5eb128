using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace Deployments.Deployer.Aws;

/// <summary>
/// The service clients AWSSDK.Core's credential chain needs but loads by name, which Native AOT cannot do
/// (trimmed, no reflection): STS for web identity (GitHub OIDC, <c>AWS_WEB_IDENTITY_TOKEN_FILE</c>), SSO and SSO-OIDC
/// for SSO profiles. Registered once, before the chain runs
/// (GlobalRuntimeDependencyRegistry, consulted first by e.g. CreateClient in
/// https://github.com/aws/aws-sdk-net/blob/main/sdk/src/Core/Amazon.Runtime/Credentials/AssumeRoleWithWebIdentityCredentials.cs). Each call gets a new client, since
/// the SDK disposes it after use. They are anonymous: AssumeRoleWithWebIdentity, SSO's GetRoleCredentials and SSO-OIDC's
/// CreateToken are unsigned calls. A profile's <c>role_arn</c> with <c>source_profile</c> (AssumeRole, a signed call) is
/// therefore refused by STS under AOT: the SDK's factory context does not carry the source credentials.
/// </summary>
public static class AwsRuntimeDependencies
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSecurityTokenServiceClient(context =>
        {
            var data = context.SecurityTokenServiceClientContextData;
            var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is { } proxy) config.SetWebProxy(proxy);
            return new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
        });
        registry.RegisterSSOClient(context =>
        {
            var data = context.SSOClientContextData;
            var config = new AmazonSSOConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is { } proxy) config.SetWebProxy(proxy);
            return new AmazonSSOClient(new AnonymousAWSCredentials(), config);
        });
        registry.RegisterSSOOIDCClient(context =>
        {
            var data = context.SSOOIDCClientContextData;
            var config = new AmazonSSOOIDCConfig { RegionEndpoint = data.Region };
            if (data.ProxySettings is { } proxy) config.SetWebProxy(proxy);
            return new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), config);
        });
    }
}
