namespace Deployments.Infra;

/// <summary>The compiler's exit codes; the YAML host only tells zero from non-zero, people and scripts tell them apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int InvalidConfig = 3;
}
