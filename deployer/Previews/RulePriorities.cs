using System.Security.Cryptography;
using System.Text;
using Deployments.Infra.Config;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Listener rule priorities of previews. ALB priorities are unique per listener, 1–50000 (elbv2 model); the
/// environment's own rule holds 50000, its test rule (blue/green, canary, linear) 49999, and previews use 1–49998. A
/// preview's first choice is a slot derived from its stack name (SHA-256 mod 49998), so concurrent deploys of different branches almost never meet without
/// talking to each other; the chosen priority is then kept in the stack's config, so a redeploy never moves.
/// When a slot is taken (the deployer sees the priorities of the existing previews, or AWS answers
/// "PriorityInUse"), the next slots are probed in order.
/// </summary>
public static class RulePriorities
{
    public const int Max = PreviewSettingsReader.MaxPreviewPriority;
    public const int MaxProbes = 25;

    public static int FirstChoice(string stackName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stackName));
        var value = BitConverter.ToUInt32(hash, 0);
        return (int)(value % Max) + 1;
    }

    /// <summary>The <paramref name="attempt"/>-th candidate (0 = first choice), wrapping within 1–49998.</summary>
    public static int Candidate(string stackName, int attempt) => ((FirstChoice(stackName) - 1 + attempt) % Max) + 1;
}
