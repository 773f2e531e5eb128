using System.Text;

namespace Deployments.Deployer.Smoke;

/// <summary>
/// Splits a child's output into lines as the Actions runner does (at <c>\n</c>, <c>\r</c> or <c>\r\n</c>), cutting a
/// line longer than <see cref="MaxLineLength"/> into pieces, so that one endless line cannot fill the memory.
/// </summary>
public static class OutputLines
{
    public const int MaxLineLength = 4096;

    public static async Task ReadAsync(TextReader reader, Action<string> onLine)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        var afterCr = false;
        for (int n; (n = await reader.ReadAsync(buffer.AsMemory())) > 0;)
        {
            for (var i = 0; i < n; i++)
            {
                var c = buffer[i];
                if (c == '\n' && afterCr) { afterCr = false; continue; }
                afterCr = c == '\r';
                if (c is '\n' or '\r')
                {
                    onLine(line.ToString());
                    line.Clear();
                    continue;
                }
                line.Append(c);
                if (line.Length == MaxLineLength)
                {
                    onLine(line.ToString());
                    line.Clear();
                }
            }
        }
        if (line.Length > 0) onLine(line.ToString());
    }
}
