using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Connect, exchange and close inside one method: the connection never sits idle, so nothing is reported.</summary>
public class KA0001NoDeadPeerDetectionShortLivedClientTests
{
    private const string OneRequestOneResponse = """
        using System.Net.Sockets;
        using System.Text;

        public static class TimeClient
        {
            public static string Query(string host, int port)
            {
                using var client = new TcpClient(host, port);
                var stream = client.GetStream();
                var request = Encoding.ASCII.GetBytes("TIME\n");
                stream.Write(request, 0, request.Length);
                var buffer = new byte[64];
                var read = stream.Read(buffer, 0, buffer.Length);
                return Encoding.ASCII.GetString(buffer, 0, read);
            }
        }
        """;

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task One_request_one_response(TestTargetFramework framework) =>
        Verify.VerifyAsync(OneRequestOneResponse, new() { TargetFramework = framework });

    private const string AsyncExchangeWithTimeout = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Ops.Probes;

        public sealed class BannerProbe
        {
            public async Task<string> GetBannerAsync(string host, int port, CancellationToken cancellationToken)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var client = new TcpClient();
                await client.ConnectAsync(host, port, timeout.Token);
                var buffer = new byte[256];
                var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
            }
        }
        """;

    [Fact]
    public Task Async_banner_grab_with_a_timeout() => Verify.VerifyAsync(AsyncExchangeWithTimeout);

    private const string WhoisLookup = """
        using System.IO;
        using System.Net.Sockets;

        public static class Whois
        {
            public static string Lookup(string domain)
            {
                using var client = new TcpClient("whois.iana.org", 43);
                using var stream = client.GetStream();
                using var writer = new StreamWriter(stream) { AutoFlush = true };
                using var reader = new StreamReader(stream);
                writer.Write(domain + "\r\n");
                return reader.ReadToEnd();
            }
        }
        """;

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task Whois_lookup_reading_to_the_end_once(TestTargetFramework framework) =>
        Verify.VerifyAsync(WhoisLookup, new() { TargetFramework = framework });

    private const string SmtpStyleDialogue = """
        using System.IO;
        using System.Net.Sockets;

        public sealed class MailDropper
        {
            public void Drop(string relay, string from, string to, string body)
            {
                using var client = new TcpClient(relay, 25);
                using var reader = new StreamReader(client.GetStream());
                using var writer = new StreamWriter(client.GetStream()) { NewLine = "\r\n", AutoFlush = true };
                reader.ReadLine();
                writer.WriteLine("HELO localhost");
                reader.ReadLine();
                writer.WriteLine($"MAIL FROM:<{from}>");
                reader.ReadLine();
                writer.WriteLine($"RCPT TO:<{to}>");
                reader.ReadLine();
                writer.WriteLine("DATA");
                reader.ReadLine();
                writer.WriteLine(body);
                writer.WriteLine(".");
                reader.ReadLine();
                writer.WriteLine("QUIT");
            }
        }
        """;

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task Fixed_dialogue_without_a_loop(TestTargetFramework framework) =>
        Verify.VerifyAsync(SmtpStyleDialogue, new() { TargetFramework = framework });

    private const string HelperInSameClassDoesNotKeep = """
        using System.Net.Sockets;
        using System.Text;

        public sealed class LicenseCheck
        {
            public bool IsValid(string server, string key)
            {
                using var client = new TcpClient(server, 7070);
                SendKey(client, key);
                return ReadVerdict(client) == "OK";
            }

            private static void SendKey(TcpClient client, string key)
            {
                var bytes = Encoding.UTF8.GetBytes(key + "\n");
                client.GetStream().Write(bytes, 0, bytes.Length);
            }

            private static string ReadVerdict(TcpClient client)
            {
                var buffer = new byte[2];
                var read = client.GetStream().Read(buffer, 0, 2);
                return Encoding.ASCII.GetString(buffer, 0, read);
            }
        }
        """;

    [Fact]
    public Task Helpers_in_the_same_class_that_only_exchange() => Verify.VerifyAsync(HelperInSameClassDoesNotKeep);

    private const string FramingHelperInOtherFile = """
        using System.Buffers.Binary;
        using System.Net.Sockets;

        namespace Rpc.Framing;

        internal static class Frames
        {
            public static void Write(Socket socket, byte[] payload)
            {
                var header = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
                socket.Send(header);
                socket.Send(payload);
            }

            public static byte[] ReadOne(Socket socket)
            {
                var header = new byte[4];
                socket.Receive(header);
                var payload = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
                socket.Receive(payload);
                return payload;
            }
        }
        """;

    private const string RpcCallUsingFramingHelper = """
        using System.Net;
        using System.Net.Sockets;

        namespace Rpc;

        public static class OneShotRpc
        {
            public static byte[] Call(IPEndPoint server, byte[] request)
            {
                using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(server);
                Framing.Frames.Write(socket, request);
                return Framing.Frames.ReadOne(socket);
            }
        }
        """;

    [Fact]
    public Task Framing_helpers_in_another_file_that_only_exchange() =>
        Verify.VerifyAsync([RpcCallUsingFramingHelper, FramingHelperInOtherFile]);

    private const string JsonOverFrameworkCalls = """
        using System.Net.Sockets;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Config.Client;

        public sealed record ConfigRequest(string Service);
        public sealed record ConfigResponse(string Json);

        public static class ConfigFetcher
        {
            public static async Task<ConfigResponse?> FetchAsync(string host, string service, CancellationToken cancellationToken)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, 8500, cancellationToken);
                var stream = client.GetStream();
                await JsonSerializer.SerializeAsync(stream, new ConfigRequest(service), cancellationToken: cancellationToken);
                client.Client.Shutdown(SocketShutdown.Send);
                return await JsonSerializer.DeserializeAsync<ConfigResponse>(stream, cancellationToken: cancellationToken);
            }
        }
        """;

    [Fact]
    public Task Framework_calls_that_do_not_keep_the_stream() => Verify.VerifyAsync(JsonOverFrameworkCalls);

    private const string ShortLivedInTopLevelStyleProgram = """
        using System;
        using System.Net.Sockets;

        internal static class Program
        {
            private static int Main(string[] args)
            {
                if (args.Length < 2) return 2;
                try
                {
                    using var client = new TcpClient(args[0], int.Parse(args[1]));
                    client.GetStream().Write(new byte[] { 0x01 }, 0, 1);
                    return client.GetStream().ReadByte() == 0x06 ? 0 : 1;
                }
                catch (SocketException error)
                {
                    Console.Error.WriteLine(error.Message);
                    return 3;
                }
            }
        }
        """;

    [Fact]
    public Task Command_line_tool_sending_one_byte() => Verify.VerifyAsync(ShortLivedInTopLevelStyleProgram);

    private const string UploadWithCopyToAsync = """
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class Uploader
        {
            public static async Task UploadAsync(string path, string host)
            {
                await using var file = File.OpenRead(path);
                using var client = new TcpClient();
                await client.ConnectAsync(host, 9999);
                await file.CopyToAsync(client.GetStream());
            }
        }
        """;

    [Fact]
    public Task Upload_copying_a_file_into_the_stream_once() => Verify.VerifyAsync(UploadWithCopyToAsync);

    private const string EndConnectStyleApmOneShot = """
        using System.Net.Sockets;

        public static class WakeUp
        {
            public static void Knock(string host)
            {
                var client = new TcpClient();
                client.Connect(host, 9);
                client.Client.Send(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });
                client.Close();
            }
        }
        """;

    [Fact]
    public Task Unconnected_client_connected_used_once_and_closed() => Verify.VerifyAsync(EndConnectStyleApmOneShot);

    private const string ClientPerCallInServiceClass = """
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Memcache;

        public sealed class StatsClient
        {
            private readonly string _host;
            private readonly int _port;

            public StatsClient(string host, int port) => (_host, _port) = (host, port);

            public async Task<string?> GetVersionAsync()
            {
                using var client = new TcpClient();
                await client.ConnectAsync(_host, _port);
                using var stream = client.GetStream();
                using var writer = new StreamWriter(stream) { AutoFlush = true };
                using var reader = new StreamReader(stream);
                await writer.WriteAsync("version\r\n");
                return await reader.ReadLineAsync();
            }
        }
        """;

    [Fact]
    public Task Service_class_opening_a_client_per_call() => Verify.VerifyAsync(ClientPerCallInServiceClass);

    private const string OneShotTlsExchange = """
        using System.Net.Security;
        using System.Net.Sockets;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;

        public static class CertificateGrabber
        {
            public static async Task<X509Certificate?> GetAsync(string host)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, 443);
                using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(host);
                return tls.RemoteCertificate;
            }
        }
        """;

    [Fact]
    public Task One_shot_tls_handshake_reading_the_certificate() => Verify.VerifyAsync(OneShotTlsExchange);

    private const string BinaryProtocolSingleFrame = """
        using System.IO;
        using System.Net;
        using System.Net.Sockets;

        public static class VersionQuery
        {
            public static (int Major, int Minor) Ask(IPEndPoint server)
            {
                using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(server);
                using var stream = new NetworkStream(socket, ownsSocket: false);
                using var writer = new BinaryWriter(stream);
                using var reader = new BinaryReader(stream);
                writer.Write((byte)0x10);
                writer.Flush();
                return (reader.ReadInt32(), reader.ReadInt32());
            }
        }
        """;

    [Fact]
    public Task Binary_reader_and_writer_for_a_single_frame() => Verify.VerifyAsync(BinaryProtocolSingleFrame);

    private const string ReadExactlyHeaderAndBody = """
        using System;
        using System.Buffers.Binary;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class SnapshotDownloader
        {
            public static async Task<byte[]> DownloadAsync(string host)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, 7400);
                var stream = client.GetStream();
                var header = new byte[4];
                await stream.ReadExactlyAsync(header);
                var body = new byte[BinaryPrimitives.ReadInt32LittleEndian(header)];
                await stream.ReadExactlyAsync(body);
                return body;
            }
        }
        """;

    [Fact]
    public Task Header_and_body_read_with_ReadExactly() => Verify.VerifyAsync(ReadExactlyHeaderAndBody);

    private const string TryFinallyClose = """
        using System.Net.Sockets;
        using System.Text;

        public sealed class GraphiteReporter
        {
            private readonly string _host;

            public GraphiteReporter(string host) => _host = host;

            public void Report(string metric, double value, long timestamp)
            {
                TcpClient? client = null;
                try
                {
                    client = new TcpClient();
                    client.Connect(_host, 2003);
                    var line = Encoding.ASCII.GetBytes($"{metric} {value} {timestamp}\n");
                    client.GetStream().Write(line, 0, line.Length);
                }
                finally
                {
                    client?.Close();
                }
            }
        }
        """;

    [Fact]
    public Task Metric_sent_with_try_finally_close() => Verify.VerifyAsync(TryFinallyClose);

    private const string HandRolledHttp10Get = """
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Bootstrap;

        public static class PlainHttp
        {
            public static async Task<string> GetAsync(string host, string path)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, 80);
                using var stream = client.GetStream();
                var writer = new StreamWriter(stream) { NewLine = "\r\n" };
                await writer.WriteLineAsync($"GET {path} HTTP/1.0");
                await writer.WriteLineAsync($"Host: {host}");
                await writer.WriteLineAsync();
                await writer.FlushAsync();
                return await new StreamReader(stream).ReadToEndAsync();
            }
        }
        """;

    [Fact]
    public Task Hand_rolled_HTTP_1_0_get() => Verify.VerifyAsync(HandRolledHttp10Get);

    private const string CancellationClosesTheClient = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class LegacyConnect
        {
            public static async Task<byte[]> FetchAsync(string host, int port, CancellationToken cancellationToken)
            {
                using var client = new TcpClient();
                using (cancellationToken.Register(() => client.Close()))
                {
                    await client.ConnectAsync(host, port);
                    var stream = client.GetStream();
                    await stream.WriteAsync(new byte[] { 0x01 }, 0, 1);
                    var reply = new byte[32];
                    var read = await stream.ReadAsync(reply, 0, reply.Length);
                    return reply[..read];
                }
            }
        }
        """;

    [Fact]
    public Task Cancellation_registration_closing_the_client() => Verify.VerifyAsync(CancellationClosesTheClient);

    private const string PrivateFactoryUsedForOneExchange = """
        using System.Net.Sockets;
        using System.Text;

        namespace Printing;

        public sealed class LabelPrinter
        {
            private readonly string _host;

            public LabelPrinter(string host) => _host = host;

            public void Print(string zpl)
            {
                using var connection = Open();
                var bytes = Encoding.ASCII.GetBytes(zpl);
                connection.GetStream().Write(bytes, 0, bytes.Length);
            }

            public bool IsOnline()
            {
                using var connection = Open();
                connection.GetStream().WriteByte(0x05);
                return connection.GetStream().ReadByte() == 0x06;
            }

            private TcpClient Open() => new TcpClient(_host, 9100) { SendTimeout = 5000, ReceiveTimeout = 5000 };
        }
        """;

    [Fact]
    public Task Private_factory_whose_callers_exchange_once() => Verify.VerifyAsync(PrivateFactoryUsedForOneExchange);

    private const string LocalFunctionExchange = """
        using System.Net.Sockets;
        using System.Text;

        public static class Rcon
        {
            public static string Run(string host, string password, string command)
            {
                return Exchange($"{password} {command}\n");

                string Exchange(string line)
                {
                    using var client = new TcpClient(host, 27015);
                    var stream = client.GetStream();
                    var request = Encoding.UTF8.GetBytes(line);
                    stream.Write(request, 0, request.Length);
                    var reply = new byte[1024];
                    return Encoding.UTF8.GetString(reply, 0, stream.Read(reply, 0, reply.Length));
                }
            }
        }
        """;

    [Fact]
    public Task Exchange_inside_a_local_function() => Verify.VerifyAsync(LocalFunctionExchange);
}
