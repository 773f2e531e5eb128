using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Deployments.Deployer.Tests.Aws;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>
/// get.pulumi.com/releases/sdk on 127.0.0.1 for one release: its archive for this machine (a <c>pulumi/</c> folder
/// whose <c>pulumi</c> prints the version, as the real one's <c>pulumi version</c> does) and its checksums file in
/// goreleaser's format, <c>&lt;sha256&gt;  &lt;file name&gt;</c>. <see cref="Tamper"/> serves other bytes than the
/// checksums say.
/// </summary>
public sealed class FakePulumiReleases : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public FakePulumiReleases(string version)
    {
        Version = version;
        var os = OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        ArchiveName = $"pulumi-v{version}-{os}-{arch}.tar.gz";
        ChecksumsName = $"pulumi-{version}-checksums.txt";
        var archive = Archive($"#!/bin/sh\necho v{version}\n");
        _files[ArchiveName] = archive;
        _files[ChecksumsName] = Encoding.UTF8.GetBytes(
            $"{Convert.ToHexStringLower(SHA256.HashData(Archive("other")))}  pulumi-v{version}-windows-x64.zip\n" +
            $"{Convert.ToHexStringLower(SHA256.HashData(archive))}  {ArchiveName}\n");
        Url = $"http://127.0.0.1:{FakeAwsServer.FreePort()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Version { get; }
    public string Url { get; }
    public string ArchiveName { get; }
    public string ChecksumsName { get; }
    public List<string> Requests { get; } = [];

    /// <summary>From now on the archive's bytes differ from its published checksum.</summary>
    public void Tamper() => _files[ArchiveName] = Archive("#!/bin/sh\necho v9.9.9\n");

    /// <summary>From now on the checksums file lists only other archives.</summary>
    public void DropChecksum() => _files[ChecksumsName] = Encoding.UTF8.GetBytes($"{new string('0', 64)}  pulumi-v{Version}-windows-x64.zip\n");

    private static byte[] Archive(string script)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "pulumi/") { Mode = (UnixFileMode)0b111_101_101 });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "pulumi/pulumi")
            {
                Mode = (UnixFileMode)0b111_101_101,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(script)),
            });
        }
        return buffer.ToArray();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var name = context.Request.Url!.AbsolutePath.TrimStart('/');
            lock (Requests) Requests.Add(name);
            if (_files.TryGetValue(name, out var body))
            {
                context.Response.StatusCode = 200;
                await context.Response.OutputStream.WriteAsync(body);
            }
            else context.Response.StatusCode = 404;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
