using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Tasks;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>
/// The peer: a TCP echo server started inside the namespace with <c>ip netns exec</c>, bound to the peer address
/// on a free port. It answers each byte it receives and never sends anything on its own.
/// </summary>
internal sealed class PeerEchoServer : IDisposable
{
    // Perl (perl-base is Essential on Debian) keeps the peer free of build steps. One process, one select loop;
    // it exits when its stdin closes, so a crashed test process does not leave it running.
    private const string Script = """
        use strict; use warnings; use IO::Socket::INET; use IO::Select;
        my $listener = IO::Socket::INET->new(LocalAddr => $ARGV[0], LocalPort => 0, Proto => 'tcp', Listen => 16)
            or die "listen on $ARGV[0]: $@\n";
        $| = 1;
        print $listener->sockport, "\n";
        my $ready = IO::Select->new($listener, \*STDIN);
        while (1) {
            for my $handle ($ready->can_read) {
                if ($handle == $listener) { my $accepted = $listener->accept; $ready->add($accepted) if $accepted; next }
                my $count = sysread($handle, my $bytes, 65536);
                if ($handle == \*STDIN) { exit 0 unless $count; next }
                if ($count) { syswrite($handle, $bytes) } else { $ready->remove($handle); close $handle }
            }
        }
        """;

    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private PeerEchoServer(Process process) => _process = process;

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.None, 0);

    public static PeerEchoServer Start(string networkNamespace, IPAddress address)
    {
        var info = new ProcessStartInfo("ip")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "netns", "exec", networkNamespace, "perl", "-e", Script, address.ToString() })
            info.ArgumentList.Add(argument);

        var server = new PeerEchoServer(Process.Start(info) ?? throw new InvalidOperationException("ip netns exec did not start"));
        try
        {
            server.ListenForErrors();
            server.EndPoint = new IPEndPoint(address, server.ReadPort());
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private void ListenForErrors()
    {
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
                _errors.AppendLine(e.Data);
        };
        _process.BeginErrorReadLine();
    }

    private int ReadPort()
    {
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(StartBound) || !int.TryParse(line.Result, NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            lock (_errors)
                throw new InvalidOperationException($"the peer echo server did not report its port within {StartBound.TotalSeconds} s: {_errors}");
        }
        return port;
    }

    /// <summary>Kills the peer by its process id (ip netns exec replaced itself with perl, so this is the server).</summary>
    public void Dispose()
    {
        using (_process)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
    }
}
