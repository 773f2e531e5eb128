namespace Deployments.Infra.Tests.Schema;

public class TypeScriptEmitterTests
{
    [TestCase("aws:ecs:Service", "aws.ecs.ServiceArgs")]
    [TestCase("aws:ecs/service:Service", "aws.ecs.ServiceArgs")]
    [TestCase("awsx:ec2:Vpc", "awsx.ec2.VpcArgs")]
    [TestCase("docker-build:Image", "dockerbuild.ImageArgs")]
    [TestCase("docker-build:index:Image", "dockerbuild.ImageArgs")]
    [TestCase("pulumi:providers:aws", "aws.ProviderArgs")]
    [TestCase("pulumi:pulumi:StackReference", "pulumi.StackReferenceArgs")]
    [TestCase("gcp:storage:Bucket", "unknown_package_gcp.storage.BucketArgs")]
    public void Type_tokens_map_to_args_types(string token, string expected) =>
        TypeTokenMap.ArgsType(token).ShouldBe(expected);

    [Test]
    public void Values_map_to_typescript_by_their_runtime_type()
    {
        const string template = """
            {"resources": {"r": {"type": "aws:ecs:Service", "properties": {
              "whole": "${a.b}", "mixed": "x-${a.b}", "n": 3, "flag": true,
              "json": {"fn::toJSON": {"k": "${c.d}"}}, "secret": {"fn::secret": "s"}, "invoke": {"fn::invoke": {"function": "f"}}
            }}}}
            """;

        var source = TypeScriptEmitter.Emit(template).Source;

        source.ShouldContain("whole: __ref,");
        source.ShouldContain("mixed: \"x-${a.b}\",");
        source.ShouldContain("n: 3,");
        source.ShouldContain("json: JSON.stringify({\n");
        source.ShouldContain("secret: pulumi.secret(\"s\"),");
        source.ShouldContain("invoke: __ref,");
        source.ShouldContain("export const r0: aws.ecs.ServiceArgs = {");
    }
}
