using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verifier = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0007RawOptionBeforeMultiAddressConnect>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// KA0007 stays quiet: raw options after the connect, single-address connects, other sockets, branches that never
/// both run, deferred code, tracked options, Windows-only paths and targets. Each case differs from a reported one
/// (see KA0007RawOptionBeforeMultiAddressConnectDiagnosticTests) in one respect.
/// </summary>
public class KA0007RawOptionBeforeMultiAddressConnectValidTests
{
    private const string Template = KA0007RawOptionBeforeMultiAddressConnectDiagnosticTests.Template;

    private const string Raw = "socket.SetRawSocketOption(6, 18, UserTimeout)";

    private static Task Verify(string body, TestTargetFramework framework = TestTargetFramework.Net80, string? editorConfig = null) =>
        Verifier.VerifyAsync(Template.Replace("/*body*/", body.Replace("RAW", Raw)), new() { TargetFramework = framework, EditorConfig = editorConfig });

    [Theory]
    [InlineData("socket.Connect(host, port); RAW;")]
    [InlineData("await socket.ConnectAsync(host, port); RAW; _ = socket.Handle;")]
    [InlineData("RAW; socket.Connect(endPoint);")]
    [InlineData("RAW; await socket.ConnectAsync(endPoint);")]
    [InlineData("RAW; socket.Connect(IPAddress.Loopback, port);")]
    [InlineData("RAW; socket.Connect(\"127.0.0.1\", port);")]
    [InlineData("RAW; socket.Connect(\"::1\", port);")]
    [InlineData("RAW; socket.Connect(new[] { IPAddress.Loopback }, port);")]
    [InlineData("RAW; socket.Connect(new IPEndPoint(IPAddress.Loopback, port));")]
    [InlineData("RAW; EndPoint remote = endPoint; socket.Connect(remote);")]
    [InlineData("RAW; client.Connect(host, port);")]
    [InlineData("RAW; _socket.Connect(host, port);")]
    [InlineData("var other = new Socket(SocketType.Stream, ProtocolType.Tcp); other.SetRawSocketOption(6, 18, UserTimeout); socket.Connect(host, port);")]
    [InlineData("RAW; socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.Connect(host, port);")]
    [InlineData("_socket.SetRawSocketOption(6, 18, UserTimeout); _socket = new Socket(SocketType.Stream, ProtocolType.Tcp); _socket.Connect(host, port);")]
    [InlineData("_socket.SetRawSocketOption(6, 18, UserTimeout); this._socket = new Socket(SocketType.Stream, ProtocolType.Tcp); _socket.Connect(host, port);")]
    [InlineData("_client.Client.SetRawSocketOption(6, 18, UserTimeout); client.Connect(host, port);")]
    [InlineData("client.Client.SetRawSocketOption(6, 18, UserTimeout); client.Connect(endPoint);")]
    [InlineData("client.Client.SetRawSocketOption(6, 18, UserTimeout); client = new TcpClient(); client.Connect(host, port);")]
    [InlineData("if (port == 0) { RAW; } else { socket.Connect(host, port); }")]
    [InlineData("switch (port) { case 0: RAW; break; default: socket.Connect(host, port); break; }")]
    [InlineData("_ = port == 0 ? socket.Handle : IntPtr.Zero; socket.Connect(endPoint);")]
    [InlineData("Action later = () => RAW; socket.Connect(host, port); later();")]
    [InlineData("void Tune() => RAW; await socket.ConnectAsync(host, port); Tune();")]
    [InlineData("while (!socket.Connected) { socket.Connect(host, port); } RAW;")]
    [InlineData("Console.WriteLine(nameof(socket.Handle)); socket.Connect(host, port);")]
    [InlineData("_ = socket.GetRawSocketOption(6, 18, new byte[4]); socket.Connect(host, port);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); socket.Connect(host, port);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10); socket.NoDelay = true; socket.ReceiveTimeout = 30_000; await socket.ConnectAsync(host, port);")]
    [InlineData("socket.Bind(new IPEndPoint(IPAddress.Any, 0)); socket.Listen(10); _ = socket.Handle;")]
    [InlineData("var e = new SocketAsyncEventArgs { RemoteEndPoint = new DnsEndPoint(host, port) }; RAW; socket.ConnectAsync(e);")]
    [InlineData("if (OperatingSystem.IsWindows()) RAW; socket.Connect(host, port);")]
    [InlineData("if (!OperatingSystem.IsWindows()) return; RAW; socket.Connect(host, port);")]
    public Task Nothing_untracked_before_a_multi_address_connect_of_the_same_socket(string body) => Verify(body);

    private static readonly string[] UntrackedSteps =
    [
        "socket.SetRawSocketOption(6, 18, UserTimeout);",
        "_ = socket.Handle;",
        "_ = socket.SafeHandle;",
    ];

    private static readonly string[] SingleAddressConnects =
    [
        "socket.Connect(endPoint);",
        "await socket.ConnectAsync(endPoint);",
        "socket.Connect(IPAddress.Loopback, port);",
        "await socket.ConnectAsync(IPAddress.IPv6Loopback, port);",
        "socket.Connect(\"192.168.1.20\", port);",
        "socket.Connect(new[] { IPAddress.Loopback }, port);",
        "socket.EndConnect(socket.BeginConnect(endPoint, null, null));",
    ];

    private static readonly string[] MultiAddressConnects =
    [
        "socket.Connect(host, port);",
        "await socket.ConnectAsync(host, port);",
        "socket.Connect(addresses, port);",
        "await socket.ConnectAsync(new DnsEndPoint(host, port));",
    ];

    public static TheoryData<string> UntrackedThenSingleAddress()
    {
        var data = new TheoryData<string>();
        foreach (var step in UntrackedSteps)
        {
            foreach (var connect in SingleAddressConnects)
            {
                data.Add(step + " " + connect);
            }
        }

        return data;
    }

    public static TheoryData<string> MultiAddressThenUntracked()
    {
        var data = new TheoryData<string>();
        foreach (var connect in MultiAddressConnects)
        {
            foreach (var step in UntrackedSteps)
            {
                data.Add(connect + " " + step);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UntrackedThenSingleAddress))]
    public Task Untracked_step_before_a_single_address_connect(string body) => Verify(body);

    [Theory]
    [MemberData(nameof(MultiAddressThenUntracked))]
    public Task Untracked_step_after_a_multi_address_connect(string body) => Verify(body);

    [Theory]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) RAW; socket.Connect(host, port);")]
    [InlineData("if (Environment.OSVersion.Platform == PlatformID.Win32NT) RAW; socket.Connect(host, port);")]
    [InlineData("if (OperatingSystem.IsWindowsVersionAtLeast(10)) { RAW; } await socket.ConnectAsync(host, port);")]
    [InlineData("if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) { } else { RAW; } socket.Connect(host, port);")]
    [InlineData("if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) throw new PlatformNotSupportedException(); _ = socket.Handle; socket.Connect(host, port);")]
    [InlineData("var windows = OperatingSystem.IsWindows(); if (windows) client.Client.SetRawSocketOption(6, 18, UserTimeout); client.Connect(host, port);")]
    public Task Windows_only_untracked_steps(string body) => Verify(body);

    [Theory]
    [InlineData("build_property.TargetFramework = net8.0-windows")]
    [InlineData("build_property.TargetFramework = net48")]
    public Task Windows_only_targets(string editorConfig) => Verify("RAW; socket.Connect(host, port);", editorConfig: editorConfig);

    [Theory]
    [InlineData("socket.Connect(host, port); var fd = socket.Handle; int ms = 120_000; setsockopt(fd, 6, 18, ref ms, 4);")]
    [InlineData("var fd = socket.Handle; int ms = 120_000; setsockopt(fd, 6, 18, ref ms, 4); socket.Connect(endPoint);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60); socket.Connect(host, port);")]
    public Task Netstandard_shapes(string body) => Verify(body, TestTargetFramework.NetStandard20);

    /// <summary>The raw option in one method, the connect in another: the rule does not guess across methods.</summary>
    private const string AcrossMethods = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.Versioning;
        using System.Threading.Tasks;

        public sealed class Pool
        {
            private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            public void Prepare() => _socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));

            public Task OpenAsync(string host, int port) => _socket.ConnectAsync(host, port);

            [SupportedOSPlatform("windows")]
            public void OpenOnWindows(string host, int port)
            {
                _socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));
                _socket.Connect(host, port);
            }

            public async Task<Socket> ConnectThenTuneAsync(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(host, port);
                socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));
                return socket;
            }
        }
        """;

    [Fact]
    public Task Across_methods_and_Windows_only_members() => Verifier.VerifyAsync(AcrossMethods);

    /// <summary>The helper the diagnostic suggests: TcpKeepAlive.Configure after the connect.</summary>
    private const string WithTheRuntimeHelper = """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        public static class Dialer
        {
            public static async Task<TcpClient> DialAsync(string host, int port)
            {
                var client = new TcpClient();
                await client.ConnectAsync(host, port);
                TcpKeepAlive.Configure(client);
                return client;
            }
        }
        """;

    [Fact]
    public Task Runtime_helper_after_connecting() =>
        Verifier.VerifyAsync(WithTheRuntimeHelper, new() { ReferenceKeepAliveRuntime = true });

    /// <summary>Not System.Net.Sockets: a team's own socket type with the same member names.</summary>
    private const string LookAlike = """
        using System;

        namespace Native
        {
            public sealed class Socket
            {
                public IntPtr Handle => IntPtr.Zero;
                public void SetRawSocketOption(int level, int name, byte[] value) { }
                public void Connect(string host, int port) { }
            }

            public static class Use
            {
                public static void Open(Socket socket, string host)
                {
                    socket.SetRawSocketOption(6, 18, new byte[4]);
                    _ = socket.Handle;
                    socket.Connect(host, 80);
                }
            }
        }
        """;

    [Fact]
    public Task Look_alike_socket_types() => Verifier.VerifyAsync(LookAlike);
}
