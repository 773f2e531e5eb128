using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Deployer.Pulumi.Models;

namespace Deployments.Deployer.Json;

/// <summary>
/// Every typed JSON shape the deployer reads or writes, generated at build time: the installed tool is Native AOT,
/// where reflection-based <see cref="JsonSerializer"/> calls are unsupported
/// (https://learn.microsoft.com/en-us/dotnet/standard/serialization/system-text-json/source-generation).
/// Ad-hoc output documents are built as <see cref="System.Text.Json.Nodes.JsonObject"/> instead.
/// The CLI's JSON is read case-insensitively (its keys are camelCase, the models' properties PascalCase).
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<StackSummaryModel>))]
[JsonSerializable(typeof(List<UpdateInfoModel>))]
[JsonSerializable(typeof(Dictionary<string, ConfigValueModel>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(PreviewDigestModel))]
internal sealed partial class DeployerJsonContext : JsonSerializerContext;
