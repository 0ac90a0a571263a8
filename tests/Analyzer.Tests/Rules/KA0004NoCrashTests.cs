using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Every shipped analyzer and code fix survives KA0004's sources cut short and with tokens deleted: the rule reads
/// constants, byte buffers and argument lists that broken code leaves half-built.
/// </summary>
public class KA0004NoCrashTests
{
    private const string Timings = """
        using System;
        using System.Net.Sockets;

        static class Timings
        {
            const int IdleMs = 30000;

            static void Apply(Socket socket, bool flag)
            {
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30000);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, IdleMs / 3);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 200);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, flag);
                var idle = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
                socket.SetSocketOption(optionValue: idle, optionName: SocketOptionName.TcpKeepAliveTime, optionLevel: SocketOptionLevel.Tcp);
            }
        }
        """;

    private const string Levels = """
        using System.Net.Sockets;

        static class Levels
        {
            static void Apply(Socket socket)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TcpKeepAliveTime, 30);
                socket.SetSocketOption((SocketOptionLevel)0xffff, SocketOptionName.TcpKeepAliveRetryCount, 6);
                socket.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, SocketOptionName.KeepAlive, true);
            }
        }
        """;

    private const string KeepAliveValues = """
        using System;
        using System.Buffers.Binary;
        using System.Linq;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        static class Values
        {
            static void Apply(Socket socket, bool on)
            {
                int size = Marshal.SizeOf(typeof(uint));
                var values = new byte[size * 3];
                Buffer.BlockCopy(BitConverter.GetBytes(on ? 1u : 0u), 0, values, 0, size);
                BitConverter.GetBytes(30u).CopyTo(values, size);
                Array.Copy(BitConverter.GetBytes(5u), 0, values, 8, 4);
                BinaryPrimitives.WriteUInt32LittleEndian(values.AsSpan(8, 4), 5);
                values[0] = 1;
                socket.IOControl(IOControlCode.KeepAliveValues, values, null);
                socket.IOControl(IOControlCode.KeepAliveValues, BitConverter.GetBytes(1).Concat(BitConverter.GetBytes(15)).Concat(BitConverter.GetBytes(1)).ToArray(), null);
            }
        }
        """;

    private const string UserTimeout = """
        using System;
        using System.Buffers.Binary;
        using System.Net.Sockets;

        static class UserTimeout
        {
            static void Apply(Socket socket)
            {
                socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30));
                var raw = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(raw, 90);
                BitConverter.TryWriteBytes(raw.AsSpan(), 90);
                socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, 18, new ReadOnlySpan<byte>(raw));
                if (OperatingSystem.IsWindows()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));
            }
        }
        """;

    [Fact]
    public Task Timings_broken() => NoCrashVerifier.VerifyAsync(Timings);

    [Fact]
    public Task Levels_broken() => NoCrashVerifier.VerifyAsync(Levels);

    [Fact]
    public Task KeepAliveValues_broken() => NoCrashVerifier.VerifyAsync(KeepAliveValues);

    [Fact]
    public Task UserTimeout_broken() => NoCrashVerifier.VerifyAsync(UserTimeout);

    [Fact]
    public Task NetStandard_broken() =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [Levels.Replace("SocketOptionName.TcpKeepAliveTime", "(SocketOptionName)3").Replace("SocketOptionName.TcpKeepAliveRetryCount", "(SocketOptionName)16")],
            new() { TargetFramework = TestTargetFramework.NetStandard20 });
}
