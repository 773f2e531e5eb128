using Deployments.Infra.Config;
using Deployments.Infra.Template;

namespace Deployments.Infra;

/// <summary>
/// What one compile of a stack yields: its template and the validated settings the template was built from (the
/// one of <see cref="Environment"/> or <see cref="Preview"/> that matches its kind; neither for package discovery),
/// so a caller that needs both — the deployer's plan and cost estimate — compiles the stack once.
/// </summary>
public sealed record CompiledStack(PulumiTemplate Template, EnvironmentSettings? Environment, PreviewSettings? Preview);
