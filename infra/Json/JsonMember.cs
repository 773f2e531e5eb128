namespace Deployments.Infra.Json;

/// <summary>One member of a JSON object (a class, not a tuple: generic code over value tuples is not precompiled).</summary>
public sealed record JsonMember(string Name, JsonValue Value);
