using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace KeepAlive.Benchmarks;

/// <summary>
/// <see cref="TcpKeepAlive.Configure(Socket, TcpKeepAliveOptions?)"/> with the defaults against the bare sequence of
/// setsockopt calls it makes on Linux (SO_KEEPALIVE, TCP_KEEPIDLE/KEEPINTVL/KEEPCNT, TCP_USER_TIMEOUT), on one
/// connected loopback socket. Target: at most 1.2x the bare calls and nothing allocated.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ConfigureBenchmarks
{
    private const int TcpLevel = 6, TcpUserTimeout = 18;

    private Socket _listener = null!;
    private Socket _client = null!;
    private Socket _accepted = null!;

    [GlobalSetup]
    public void Connect()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _client.Connect(_listener.LocalEndPoint!);
        _accepted = _listener.Accept();
    }

    [GlobalCleanup]
    public void Disconnect()
    {
        _client.Dispose();
        _accepted.Dispose();
        _listener.Dispose();
    }

    /// <summary>What a careful hand-written call site does with the helper's default values (60 s, 10 s, 6, 120 000 ms).</summary>
    [Benchmark(Baseline = true)]
    public void BareSetsockoptCalls()
    {
        _client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);
        _client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
        _client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
        _client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
        Span<byte> userTimeout = stackalloc byte[sizeof(int)];
        MemoryMarshal.Write(userTimeout, 120_000);
        _client.SetRawSocketOption(TcpLevel, TcpUserTimeout, userTimeout);
    }

    [Benchmark]
    public TcpKeepAliveResult Configure() => TcpKeepAlive.Configure(_client);
}
