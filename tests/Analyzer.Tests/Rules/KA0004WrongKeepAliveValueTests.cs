using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0004WrongKeepAliveValue>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// KA0004 on SetSocketOption / SetRawSocketOption / IOControl(KeepAliveValues) calls. Each case is one statement (or a
/// few) placed in <see cref="Template"/>; the diagnostic cases carry their markup and the exact message.
/// </summary>
public class KA0004WrongKeepAliveValueTests
{
    internal const string Template = """
        using System;
        using System.Buffers.Binary;
        using System.Linq;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class KeepAliveSetup
        {
            private const int IdleMilliseconds = 30000;
            private int _configuredSeconds = 60;

            public int IntervalSeconds { get; set; } = 10;

            public void Apply(Socket socket, TcpClient client, int seconds, TimeSpan timeout, bool flag, byte[] external)
            {
                /*code*/
            }

            private static void Fill(byte[] buffer) => buffer[4] = 1;
        }
        """;

    private static Task VerifyCode(string code, params string[] messages) =>
        Verify.VerifyAsync(Template.Replace("/*code*/", code), new() { ExpectedMessages = messages.Length == 0 ? null : messages });

    // ---- milliseconds passed where seconds are taken ------------------------------------------------------------

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|30000|]);", "TcpKeepAliveTime 30000 is in seconds: 8 h 20 min; did you mean 30 s?")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|5000|]);", "TcpKeepAliveInterval 5000 is in seconds: 1 h 23 min 20 s; did you mean 5 s?")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|60000|]);", "TcpKeepAliveTime 60000 is out of range: Linux accepts 1 to 32767 seconds and throws InvalidArgument; did you mean 1 min?")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|2500|]);", "TcpKeepAliveInterval 2500 is in seconds: 41 min 40 s; did you mean 2.5 s?")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|IdleMilliseconds|]);", "TcpKeepAliveTime 30000 is in seconds: 8 h 20 min; did you mean 30 s?")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|(int)TimeSpan.FromSeconds(25).TotalMilliseconds|]);", "TcpKeepAliveTime 25000 is in seconds: 6 h 56 min 40 s; did you mean 25 s?")]
    [InlineData("var idle = 20 * 1000; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|idle|]);", "TcpKeepAliveTime 20000 is in seconds: 5 h 33 min 20 s; did you mean 20 s?")]
    [InlineData("client.Client.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, [|1000|]);", "TcpKeepAliveInterval 1000 is in seconds: 16 min 40 s; did you mean 1 s?")]
    [InlineData("socket.SetSocketOption(optionValue: [|10_000|], optionName: SocketOptionName.TcpKeepAliveTime, optionLevel: SocketOptionLevel.Tcp);", "TcpKeepAliveTime 10000 is in seconds: 2 h 46 min 40 s; did you mean 10 s?")]
    public Task Milliseconds_for_seconds(string code, string message) => VerifyCode(code, message);

    // ---- out of range ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|0|]);", "TcpKeepAliveTime 0 is out of range: Linux accepts 1 to 32767 seconds and throws InvalidArgument; pass a number of seconds")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|-1|]);", "TcpKeepAliveInterval -1 is out of range: Linux accepts 1 to 32767 seconds and throws InvalidArgument; pass a number of seconds")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, [|0|]);", "TcpKeepAliveRetryCount 0 is out of range: Linux accepts 1 to 127 probes and throws InvalidArgument (Windows accepts up to 255); use a probe count from 1 to 127")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, [|128|]);", "TcpKeepAliveRetryCount 128 is out of range: Linux accepts 1 to 127 probes and throws InvalidArgument (Windows accepts up to 255); use a probe count from 1 to 127")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, [|200|]);", "TcpKeepAliveRetryCount 200 is out of range: Linux accepts 1 to 127 probes and throws InvalidArgument (Windows accepts up to 255); use a probe count from 1 to 127")]
    public Task Out_of_range(string code, string message) => VerifyCode(code, message);

    // ---- the bool overload -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|true|]);", "TcpKeepAliveTime true uses the bool overload, which passes 1: 1 s; pass a number of seconds; SO_KEEPALIVE is SocketOptionLevel.Socket, SocketOptionName.KeepAlive")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|false|]);", "TcpKeepAliveInterval false uses the bool overload, which passes 0: Linux throws InvalidArgument; pass a number of seconds; SO_KEEPALIVE is SocketOptionLevel.Socket, SocketOptionName.KeepAlive")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|flag|]);", "TcpKeepAliveTime with a bool uses the bool overload, which passes 1 (1 s) or 0 (rejected), not on/off; pass a number of seconds; SO_KEEPALIVE is SocketOptionLevel.Socket, SocketOptionName.KeepAlive")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, [|true|]);", "TcpKeepAliveRetryCount true uses the bool overload, which passes 1: 1 probe; pass a probe count; SO_KEEPALIVE is SocketOptionLevel.Socket, SocketOptionName.KeepAlive")]
    public Task Bool_overload(string code, string message) => VerifyCode(code, message);

    // ---- wrong level -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.IP|], SocketOptionName.TcpKeepAliveTime, 30);", "SocketOptionName.TcpKeepAliveTime at SocketOptionLevel.IP is TypeOfService there: it silently sets IP_TOS instead of the keepalive idle time; use SocketOptionLevel.Tcp")]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.Socket|], SocketOptionName.TcpKeepAliveInterval, 10);", "SocketOptionName.TcpKeepAliveInterval at SocketOptionLevel.Socket is no socket-level option: Linux throws OperationNotSupported; use SocketOptionLevel.Tcp")]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.Socket|], SocketOptionName.TcpKeepAliveRetryCount, 6);", "SocketOptionName.TcpKeepAliveRetryCount at SocketOptionLevel.Socket is DontRoute there, not the keepalive probe count; use SocketOptionLevel.Tcp")]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.Tcp|], SocketOptionName.KeepAlive, true);", "SocketOptionName.KeepAlive at SocketOptionLevel.Tcp is no TCP-level option: Linux throws OperationNotSupported; use SocketOptionLevel.Socket")]
    [InlineData("socket.SetSocketOption([|(SocketOptionLevel)0|], SocketOptionName.TcpKeepAliveRetryCount, 6);", "SocketOptionName.TcpKeepAliveRetryCount at SocketOptionLevel.IP is DropSourceMembership there, not the keepalive probe count; use SocketOptionLevel.Tcp")]
    public Task Wrong_level(string code, string message) => VerifyCode(code, message);

    // ---- IOControl(KeepAliveValues) with seconds -----------------------------------------------------------------

    [Theory]
    [InlineData("""
        var values = new byte[12];
        BitConverter.GetBytes(1u).CopyTo(values, 0);
        BitConverter.GetBytes(30u).CopyTo(values, 4);
        BitConverter.GetBytes(5u).CopyTo(values, 8);
        socket.IOControl(IOControlCode.KeepAliveValues, [|values|], null);
        """, "KeepAliveValues time 30 and interval 5 are in milliseconds: 30 ms and 5 ms; did you mean 30 s and 5 s (30000 and 5000)?")]
    [InlineData("""
        int size = Marshal.SizeOf(typeof(uint));
        byte[] values = new byte[size * 3];
        Buffer.BlockCopy(BitConverter.GetBytes(1u), 0, values, 0, size);
        Buffer.BlockCopy(BitConverter.GetBytes((uint)60), 0, values, size, size);
        Buffer.BlockCopy(BitConverter.GetBytes((uint)seconds), 0, values, size * 2, size);
        socket.IOControl(IOControlCode.KeepAliveValues, [|values|], null);
        """, "KeepAliveValues time 60 is in milliseconds: 60 ms; did you mean 60 s (60000)?")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, [|new byte[] { 1, 0, 0, 0, 120, 0, 0, 0, 10, 0, 0, 0 }|], null);", "KeepAliveValues time 120 and interval 10 are in milliseconds: 120 ms and 10 ms; did you mean 120 s and 10 s (120000 and 10000)?")]
    [InlineData("socket.IOControl(unchecked((int)IOControlCode.KeepAliveValues), [|BitConverter.GetBytes(1).Concat(BitConverter.GetBytes(15)).Concat(BitConverter.GetBytes(1000)).ToArray()|], null);", "KeepAliveValues time 15 is in milliseconds: 15 ms; did you mean 15 s (15000)?")]
    [InlineData("""
        var values = new byte[12];
        values[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(values.AsSpan(4), 10);
        BinaryPrimitives.WriteUInt32LittleEndian(values.AsSpan(8, 4), 2);
        socket.IOControl(IOControlCode.KeepAliveValues, [|values|], null);
        """, "KeepAliveValues time 10 and interval 2 are in milliseconds: 10 ms and 2 ms; did you mean 10 s and 2 s (10000 and 2000)?")]
    public Task KeepAliveValues_in_seconds(string code, string message) => VerifyCode(code, message);

    // ---- TCP_USER_TIMEOUT with seconds ---------------------------------------------------------------------------

    [Theory]
    [InlineData("socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(30)|]);", "TCP_USER_TIMEOUT 30 is in milliseconds: 30 ms; did you mean 30 s (30000)?")]
    [InlineData("var timeoutBytes = BitConverter.GetBytes(120u); socket.SetRawSocketOption(6, 18, [|timeoutBytes|]);", "TCP_USER_TIMEOUT 120 is in milliseconds: 120 ms; did you mean 120 s (120000)?")]
    [InlineData("var raw = new byte[4]; BinaryPrimitives.WriteInt32LittleEndian(raw, 90); socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, 18, [|raw|]);", "TCP_USER_TIMEOUT 90 is in milliseconds: 90 ms; did you mean 90 s (90000)?")]
    [InlineData("socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(-1)|]);", "TCP_USER_TIMEOUT -1 is negative: Linux throws InvalidArgument; pass milliseconds, or 0 for the system default")]
    [InlineData("if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(30)|]);", "TCP_USER_TIMEOUT 30 is in milliseconds: 30 ms; did you mean 30 s (30000)?")]
    public Task User_timeout_in_seconds(string code, string message) => VerifyCode(code, message);

    // Under Windows, (6, 18) is TCP_FAIL_CONNECT_ON_ICMP_ERROR: the platform reading shared with KA0005 decides.
    [Theory]
    [InlineData("var onWindows = OperatingSystem.IsWindows(); if (onWindows) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));")]
    [InlineData("if (!OperatingSystem.IsWindows()) return; socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));")]
    [InlineData("if (Environment.OSVersion.Platform == PlatformID.Win32NT) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));")]
    public Task Valid_user_timeout_numbers_under_windows_checks(string code) => VerifyCode(code);

    [Theory]
    [InlineData("build_property.TargetFramework = net8.0-windows")]
    [InlineData("build_property.TargetFramework = net48")]
    public Task Valid_user_timeout_numbers_in_windows_only_projects(string editorConfig) => Verify.VerifyAsync(
        Template.Replace("/*code*/", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));"),
        new() { EditorConfig = editorConfig });

    [Fact]
    public Task Valid_user_timeout_numbers_in_windows_only_methods() => Verify.VerifyAsync(
        Template.Replace("public void Apply(", "[System.Runtime.Versioning.SupportedOSPlatform(\"windows\")] public void Apply(")
                .Replace("/*code*/", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));"));

    [Fact]
    public Task NetStandard_numeric_casts_are_checked_too() => Verify.VerifyAsync("""
        using System.Net.Sockets;

        static class KeepAlive
        {
            private const SocketOptionName KeepAliveTime = (SocketOptionName)3;

            public static void Apply(Socket socket)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, KeepAliveTime, [|60000|]);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, [|10000|]);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 6);
            }
        }
        """, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    [Fact]
    public Task Several_findings_in_one_method() => VerifyCode("""
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|30000|]);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|10000|]);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
        """);

    // ---- valid: the same calls with values the OS reads as meant ---------------------------------------------------

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 999);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 1800);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 3600);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 7200);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 10800);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 32760);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 75);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1200);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 127);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, 15);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 9);")]
    [InlineData("client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 45);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)TimeSpan.FromSeconds(30).TotalSeconds);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)TimeSpan.FromMinutes(2).TotalSeconds);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, IdleMilliseconds / 1000);")]
    [InlineData("const int idle = 90; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle);")]
    public Task Valid_seconds_and_counts(string code) => VerifyCode(code);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, seconds);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, _configuredSeconds);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, IntervalSeconds);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)timeout.TotalMilliseconds);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, seconds * 1000);")]
    [InlineData("var idle = 30000; idle /= 1000; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle);")]
    [InlineData("var idle = 30000; if (flag) idle = 30; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle);")]
    [InlineData("var idle = 0; idle++; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle);")]
    [InlineData("var idle = 30000; Scale(ref idle); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle); static void Scale(ref int v) => v /= 1000;")]
    [InlineData("int idle; idle = 60000 / 1000; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idle);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, int.Parse(\"30000\"));")]
    public Task Valid_values_the_analysis_cannot_prove(string code) => VerifyCode(code);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, 30000);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout, 60000);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 65536);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TypeOfService, 0x10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.IP, (SocketOptionName)3, 40);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, 64);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.DontRoute, true);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, (SocketOptionName)16, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)8, 1);")]
    [InlineData("var level = flag ? SocketOptionLevel.Tcp : SocketOptionLevel.IP; socket.SetSocketOption(level, SocketOptionName.TcpKeepAliveTime, 30);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (object)30000);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Linger, new LingerOption(true, 30000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, new byte[] { 0x30, 0x75, 0, 0 });")]
    [InlineData("socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(30));")]
    [InlineData("socket.SetRawSocketOption(1, 18, BitConverter.GetBytes(30));")]
    public Task Valid_other_options(string code) => VerifyCode(code);

    [Theory]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30000));")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000u));")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(0));")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1000));")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(seconds));")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes((int)timeout.TotalMilliseconds));")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes((int)TimeSpan.FromSeconds(30).TotalMilliseconds));")]
    [InlineData("socket.SetRawSocketOption(6, 18, external);")]
    [InlineData("if (OperatingSystem.IsWindows()) { socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1)); }")]
    [InlineData("var raw = BitConverter.GetBytes(30); Array.Reverse(raw); socket.SetRawSocketOption(6, 18, raw);")]
    [InlineData("var raw = new byte[4]; BinaryPrimitives.WriteInt32LittleEndian(raw, seconds); socket.SetRawSocketOption(6, 18, raw);")]
    [InlineData("var raw = BitConverter.GetBytes(30); raw = BitConverter.GetBytes(30000); socket.SetRawSocketOption(6, 18, raw);")]
    public Task Valid_user_timeouts(string code) => VerifyCode(code);

    [Theory]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x60, 0xEA, 0, 0, 0x10, 0x27, 0, 0 }, null);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, new byte[] { 0, 0, 0, 0, 30, 0, 0, 0, 5, 0, 0, 0 }, null);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, external, null);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, BitConverter.GetBytes(1).Concat(BitConverter.GetBytes(60000)).Concat(BitConverter.GetBytes(500)).ToArray(), null);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, BitConverter.GetBytes(1).Concat(BitConverter.GetBytes(seconds)).Concat(BitConverter.GetBytes(5)).ToArray(), null);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); BitConverter.GetBytes(30u).CopyTo(v, 4); Fill(v); socket.IOControl(IOControlCode.KeepAliveValues, v, null);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); if (flag) BitConverter.GetBytes(30u).CopyTo(v, 4); socket.IOControl(IOControlCode.KeepAliveValues, v, null);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); socket.IOControl(IOControlCode.KeepAliveValues, v, null); BitConverter.GetBytes(30u).CopyTo(v, 4);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); BitConverter.GetBytes(30u).CopyTo(v, seconds); socket.IOControl(IOControlCode.KeepAliveValues, v, null);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); BitConverter.GetBytes((uint)seconds * 1000).CopyTo(v, 4); socket.IOControl(IOControlCode.KeepAliveValues, v, null);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); BitConverter.GetBytes(30u).CopyTo(v, 4); v = external; socket.IOControl(IOControlCode.KeepAliveValues, v, null);")]
    [InlineData("var v = new byte[12]; BitConverter.GetBytes(1u).CopyTo(v, 0); BitConverter.GetBytes(30u).CopyTo(v, 4); Action later = () => v[4] = 0; socket.IOControl(IOControlCode.KeepAliveValues, v, null);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0xE8, 0x03, 0, 0, 1, 0, 0, 0 }, null);")]
    [InlineData("socket.IOControl(IOControlCode.DataToRead, new byte[] { 1, 0, 0, 0, 30, 0, 0, 0, 5, 0, 0, 0 }, null);")]
    public Task Valid_keepalive_values(string code) => VerifyCode(code);

    /// <summary>
    /// Second values people write for the idle time and interval, including the whole-minute values of 1000 s and more
    /// (17 min to 9 h) that the milliseconds heuristic must leave alone.
    /// </summary>
    public static TheoryData<string, int> PlausibleSeconds()
    {
        var data = new TheoryData<string, int>();
        foreach (var option in new[] { "TcpKeepAliveTime", "TcpKeepAliveInterval" })
        {
            foreach (var value in new[] { 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 75, 90, 120, 180, 240, 300, 600, 900, 999, 1020, 1080, 1200, 1500, 1800, 2400, 3600, 5400, 7200, 10800, 14400, 21600, 28800, 32700 })
            {
                data.Add(option, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlausibleSeconds))]
    public Task Valid_plausible_seconds(string option, int value) =>
        VerifyCode($"socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.{option}, {value});");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(126)]
    public Task Valid_probe_counts(int count) =>
        VerifyCode($"socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, {count});");

    [Theory]
    [InlineData(1000)]
    [InlineData(2000)]
    [InlineData(5000)]
    [InlineData(30_000)]
    [InlineData(60_000)]
    [InlineData(120_000)]
    [InlineData(600_000)]
    [InlineData(int.MaxValue)]
    public Task Valid_user_timeouts_in_milliseconds(int milliseconds) =>
        VerifyCode($"socket.SetRawSocketOption(6, 18, BitConverter.GetBytes({milliseconds}));");

    [Theory]
    [InlineData(60_000u, 10_000u)]
    [InlineData(120_000u, 10_000u)]
    [InlineData(7_200_000u, 1_000u)]
    [InlineData(30_000u, 1_000u)]
    [InlineData(1_000u, 1_000u)]
    [InlineData(5_000u, 500u)]
    [InlineData(15_000u, 15_000u)]
    [InlineData(2_000u, 1u)]
    public Task Valid_keepalive_values_in_milliseconds(uint time, uint interval) => VerifyCode($$"""
        var values = new byte[12];
        BitConverter.GetBytes(1u).CopyTo(values, 0);
        BitConverter.GetBytes({{time}}u).CopyTo(values, 4);
        BitConverter.GetBytes({{interval}}u).CopyTo(values, 8);
        socket.IOControl(IOControlCode.KeepAliveValues, values, null);
        """);

    [Fact]
    public Task Valid_same_names_on_other_types() => Verify.VerifyAsync("""
        enum Level { IP, Tcp }
        enum Name { TcpKeepAliveTime = 3 }

        class FakeSocket
        {
            public void SetSocketOption(Level level, Name name, int value) { }
            public void SetRawSocketOption(int level, int name, byte[] value) { }
        }

        class User
        {
            void M(FakeSocket socket)
            {
                socket.SetSocketOption(Level.Tcp, Name.TcpKeepAliveTime, 30000);
                socket.SetSocketOption(Level.IP, Name.TcpKeepAliveTime, 30);
                socket.SetRawSocketOption(6, 18, System.BitConverter.GetBytes(30));
            }
        }
        """);

    [Fact]
    public Task Valid_code_without_sockets() => Verify.VerifyAsync("""
        class C
        {
            int M() => 30000;
        }
        """);
}
