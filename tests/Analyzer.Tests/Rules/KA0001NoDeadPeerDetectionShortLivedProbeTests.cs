using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Probes, sweeps, pollers and retries that open a fresh connection per check: each one is short-lived, so nothing is reported.</summary>
public class KA0001NoDeadPeerDetectionShortLivedProbeTests
{
    private const string HealthCheckReturnsBool = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class TcpHealthCheck
        {
            public static async Task<bool> IsReachableAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(endPoint, cancellationToken);
                    return socket.Connected;
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }
        """;

    [Fact]
    public Task Health_check_returning_only_a_bool() => Verify.VerifyAsync(HealthCheckReturnsBool);

    private const string PortScanner = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class PortScanner
        {
            public static async Task<List<int>> OpenPortsAsync(string host, IEnumerable<int> ports)
            {
                var open = new List<int>();
                foreach (var port in ports)
                {
                    using var client = new TcpClient();
                    try
                    {
                        await client.ConnectAsync(host, port);
                        open.Add(port);
                    }
                    catch (SocketException)
                    {
                    }
                }

                return open;
            }
        }
        """;

    [Fact]
    public Task Port_scanner_creating_a_client_per_port() => Verify.VerifyAsync(PortScanner);

    private const string ConnectWithTimeoutViaWhenAny = """
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class Ping
        {
            public static async Task<TimeSpan?> MeasureAsync(string host, int port)
            {
                var started = DateTime.UtcNow;
                using var client = new TcpClient();
                var connect = client.ConnectAsync(host, port);
                if (await Task.WhenAny(connect, Task.Delay(2000)) != connect) return null;
                await connect;
                return DateTime.UtcNow - started;
            }
        }
        """;

    [Fact]
    public Task Connect_raced_against_a_delay() => Verify.VerifyAsync(ConnectWithTimeoutViaWhenAny);

    private const string PollerWithFreshConnectionEachRound = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Ups.Monitor;

        public sealed class UpsPoller
        {
            private readonly string _host;

            public UpsPoller(string host) => _host = host;

            public event Action<byte>? BatteryLevel;

            public async Task PollAsync(CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    using (var client = new TcpClient())
                    {
                        await client.ConnectAsync(_host, 3493, cancellationToken);
                        var stream = client.GetStream();
                        await stream.WriteAsync("GET VAR ups battery.charge\n"u8.ToArray(), cancellationToken);
                        var level = stream.ReadByte();
                        if (level >= 0) BatteryLevel?.Invoke((byte)level);
                    }

                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }
            }
        }
        """;

    [Fact]
    public Task Poller_opening_a_fresh_connection_each_round() => Verify.VerifyAsync(PollerWithFreshConnectionEachRound);

    private const string ConnectWithTimeoutViaBeginConnect = """
        using System;
        using System.Net.Sockets;

        public static class Reachability
        {
            public static bool CanConnect(string host, int port, TimeSpan timeout)
            {
                using (var client = new TcpClient())
                {
                    var pending = client.BeginConnect(host, port, null, null);
                    if (!pending.AsyncWaitHandle.WaitOne(timeout))
                    {
                        return false;
                    }

                    client.EndConnect(pending);
                    return true;
                }
            }
        }
        """;

    [Fact]
    public Task Connect_with_timeout_through_BeginConnect() => Verify.VerifyAsync(ConnectWithTimeoutViaBeginConnect);

    private const string RetryLoopAroundTheWholeExchange = """
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class AlarmForwarder
        {
            public static async Task ForwardAsync(string host, byte[] alarm)
            {
                for (var attempt = 1; ; attempt++)
                {
                    using var client = new TcpClient();
                    try
                    {
                        await client.ConnectAsync(host, 7777);
                        await client.GetStream().WriteAsync(alarm, 0, alarm.Length);
                        return;
                    }
                    catch (SocketException) when (attempt < 3)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(attempt));
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Retry_loop_around_the_whole_exchange() => Verify.VerifyAsync(RetryLoopAroundTheWholeExchange);

    private const string ConnectRetriedThenOneExchange = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class BackupTrigger
        {
            public static async Task TriggerAsync(string host)
            {
                using var client = new TcpClient();
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await client.ConnectAsync(host, 10000);
                        break;
                    }
                    catch (SocketException) when (attempt < 5)
                    {
                        await Task.Delay(1000);
                    }
                }

                await client.GetStream().WriteAsync(new byte[] { 0x42 }, 0, 1);
            }
        }
        """;

    [Fact]
    public Task Connect_retried_in_a_loop_then_one_exchange() => Verify.VerifyAsync(ConnectRetriedThenOneExchange);

    private const string ParallelPortSweep = """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Inventory.Discovery;

        public static class SshSweep
        {
            public static async Task<IReadOnlyDictionary<string, bool>> SweepAsync(IEnumerable<string> hosts, CancellationToken cancellationToken)
            {
                var results = new ConcurrentDictionary<string, bool>();
                await Parallel.ForEachAsync(hosts, cancellationToken, async (host, token) =>
                {
                    using var probe = new TcpClient();
                    try
                    {
                        await probe.ConnectAsync(host, 22, token);
                        var banner = new byte[4];
                        results[host] = await probe.GetStream().ReadAsync(banner, token) == 4;
                    }
                    catch (SocketException)
                    {
                        results[host] = false;
                    }
                });
                return results;
            }
        }
        """;

    [Fact]
    public Task Parallel_sweep_with_a_client_per_host() => Verify.VerifyAsync(ParallelPortSweep);

    private const string WhenAllOverSelect = """
        using System.Linq;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class QuorumCheck
        {
            public static async Task<int> CountReachableAsync(IPEndPoint[] replicas)
            {
                var checks = replicas.Select(async replica =>
                {
                    using var socket = new Socket(replica.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        await socket.ConnectAsync(replica);
                        return 1;
                    }
                    catch (SocketException)
                    {
                        return 0;
                    }
                });
                return (await Task.WhenAll(checks)).Sum();
            }
        }
        """;

    [Fact]
    public Task WhenAll_over_a_connection_per_replica() => Verify.VerifyAsync(WhenAllOverSelect);
}
