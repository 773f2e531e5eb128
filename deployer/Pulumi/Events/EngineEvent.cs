namespace Deployments.Deployer.Pulumi.Events;

/// <summary>What the deployer uses of the engine's event stream (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/apitype/events.go), as domain records.</summary>
public abstract record EngineEvent;

/// <summary>A resource step started (<c>resourcePreEvent</c>), finished (<c>resOutputsEvent</c>) or failed (<c>resOpFailedEvent</c>).</summary>
public sealed record ResourceStepEvent(string Phase, string Op, string Type, string Name) : EngineEvent;

public sealed record DiagnosticEvent(string Severity, string Message, string? Resource) : EngineEvent;

/// <summary>The end of an update: changes by op, duration, and (on CLIs since 2026-05) the result.</summary>
public sealed record SummaryEvent(IReadOnlyDictionary<string, int> ResourceChanges, int DurationSeconds, string? Result) : EngineEvent;

/// <summary>The last event of a log: the writer stops after it.</summary>
public sealed record EndOfStreamEvent : EngineEvent;
