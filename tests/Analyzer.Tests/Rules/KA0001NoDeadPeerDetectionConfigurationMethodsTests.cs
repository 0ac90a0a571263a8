using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// <c>dotnet_code_quality.KA0001.configuration_methods</c>: a team's own setup helper, which the analyzer cannot see
/// into (here it calls <c>setsockopt</c> directly), counts as full configuration once it is named in .editorconfig.
/// </summary>
public class KA0001NoDeadPeerDetectionConfigurationMethodsTests
{
    private const string OptionKey = "dotnet_code_quality.KA0001.configuration_methods";

    private const string NativeSetupHelpers = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        namespace MyCo.Net
        {
            public static class SocketSetup
            {
                public static void Apply(Socket socket)
                {
                    var idle = 30;
                    setsockopt(socket.Handle, 6, 4, ref idle, sizeof(int));
                }

                public static void Apply(TcpClient client)
                {
                    var idle = 30;
                    setsockopt(client.Client.Handle, 6, 4, ref idle, sizeof(int));
                }

                [DllImport("libc", SetLastError = true)]
                private static extern int setsockopt(IntPtr socket, int level, int name, ref int value, int length);
            }

            public static class Tuning
            {
                public static TcpClient Harden(TcpClient client)
                {
                    var timeout = 20_000;
                    NativeMethods.SetOption(client.Client.Handle, 6, 18, ref timeout);
                    return client;
                }
            }

            internal static class NativeMethods
            {
                [DllImport("libc", EntryPoint = "setsockopt")]
                public static extern int SetOption(IntPtr socket, int level, int name, ref int value, int length = 4);
            }
        }
        """;

    private const string ConnectionsUsingTheHelpers = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using MyCo.Net;

        namespace MyCo.Gateway
        {
            public sealed class UpstreamPool
            {
                private readonly List<Socket> _sockets = new();
                private readonly List<TcpClient> _clients = new();

                public void AddSocket(string host)
                {
                    var socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                    SocketSetup.Apply(socket);
                    socket.Connect(host, 6379);
                    _sockets.Add(socket);
                }

                public void AddClient(string host)
                {
                    var client = [|new TcpClient(host, 5432)|];
                    SocketSetup.Apply(client);
                    _clients.Add(client);
                }

                public void AddHardened(string host)
                {
                    _clients.Add(Tuning.Harden([|new TcpClient(host, 11211)|]));
                }
            }
        }
        """;

    private static Task VerifyWith(string editorConfig, string reported) =>
        Verify.VerifyAsync([Unmark(ConnectionsUsingTheHelpers, reported), NativeSetupHelpers], new() { EditorConfig = editorConfig });

    /// <summary>Keeps the markup only on the sites listed in <paramref name="reported"/> (socket, client, hardened).</summary>
    private static string Unmark(string source, string reported)
    {
        foreach (var (name, site) in new[]
                 {
                     ("socket", "new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)"),
                     ("client", "new TcpClient(host, 5432)"),
                     ("hardened", "new TcpClient(host, 11211)"),
                 })
        {
            if (!reported.Contains(name))
                source = source.Replace("[|" + site + "|]", site);
        }

        return source;
    }

    [Fact]
    public Task Control_without_the_option_every_helper_call_is_reported() =>
        VerifyWith(editorConfig: "", reported: "socket client hardened");

    [Fact]
    public Task Full_id_names_one_overload() =>
        VerifyWith($"{OptionKey} = M:MyCo.Net.SocketSetup.Apply(System.Net.Sockets.Socket)", reported: "client hardened");

    [Fact]
    public Task Id_without_parameters_names_every_overload() =>
        VerifyWith($"{OptionKey} = M:MyCo.Net.SocketSetup.Apply", reported: "hardened");

    [Fact]
    public Task Ids_separated_by_a_bar() =>
        VerifyWith($"{OptionKey} = M:MyCo.Net.SocketSetup.Apply(System.Net.Sockets.Socket) | M:MyCo.Net.SocketSetup.Apply(System.Net.Sockets.TcpClient)|M:MyCo.Net.Tuning.Harden(System.Net.Sockets.TcpClient)", reported: "");

    [Fact]
    public Task Option_in_a_cs_section() =>
        VerifyWith($"[*.cs]\n{OptionKey} = M:MyCo.Net.SocketSetup.Apply|M:MyCo.Net.Tuning.Harden", reported: "");

    private const string OverloadDelegatingToTheListedOne = """
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        namespace MyCo.Net
        {
            public static class SocketSetup
            {
                public static void Apply(Socket socket) => NativeMethods.EnableKeepAlive(socket.Handle, 30);

                public static void Apply(TcpClient client) => Apply(client.Client);
            }

            internal static class NativeMethods
            {
                [DllImport("ka_native")]
                public static extern int EnableKeepAlive(System.IntPtr socket, int idleSeconds);
            }

            public sealed class Uplink
            {
                private readonly TcpClient _client;

                public Uplink(string host)
                {
                    _client = new TcpClient(host, 6000);
                    SocketSetup.Apply(_client);
                }

                public int Read(byte[] buffer) => _client.GetStream().Read(buffer, 0, buffer.Length);
            }
        }
        """;

    [Fact]
    public Task Unlisted_overload_delegating_to_the_listed_one() =>
        Verify.VerifyAsync(OverloadDelegatingToTheListedOne, new() { EditorConfig = $"{OptionKey} = M:MyCo.Net.SocketSetup.Apply(System.Net.Sockets.Socket)" });
}
