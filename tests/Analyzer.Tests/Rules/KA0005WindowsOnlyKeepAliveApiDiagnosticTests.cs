using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verifier = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0005WindowsOnlyKeepAliveApi>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// KA0005 reports: IOControl(KeepAliveValues) that can run on Linux/macOS (both spellings on netstandard2.0, the numeric
/// one on .NET 5+ where CA1416 cannot see it), raw TCP option numbers that mean another option elsewhere, and catches
/// that swallow the PlatformNotSupportedException.
/// </summary>
public class KA0005WindowsOnlyKeepAliveApiDiagnosticTests
{
    /// <summary>A keepalive helper; <c>/*body*/</c> is replaced per case.</summary>
    internal const string Template = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public static class KeepAliveSetup
        {
            private static readonly byte[] Values = { 1, 0, 0, 0, 0x60, 0xEA, 0, 0, 0x10, 0x27, 0, 0 };
            private const int SioKeepAliveVals = unchecked((int)0x98000004);

            public static void Apply(Socket socket, IPEndPoint endPoint)
            {
                /*body*/
            }

            private static void Log(string message) => Console.Error.WriteLine(message);
        }
        """;

    private static Task Verify(string body, TestTargetFramework framework, string? editorConfig = null) =>
        Verifier.VerifyAsync(Template.Replace("/*body*/", body), new() { TargetFramework = framework, EditorConfig = editorConfig });

    [Theory]
    [InlineData("[|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];")]
    [InlineData("[|socket.IOControl(unchecked((int)0x98000004), Values, null)|];")]
    [InlineData("[|socket.IOControl(SioKeepAliveVals, Values, null)|];")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];")]
    [InlineData("if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) { } else { [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|]; }")]
    [InlineData("if (Environment.OSVersion.Platform == PlatformID.Unix) [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];")]
    [InlineData("try { socket.Connect(endPoint); [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|]; } catch (Exception e) { Log(e.Message); }")]
    [InlineData("try { [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|]; } catch (SocketException) { }")]
    [InlineData("try { [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|]; } catch (PlatformNotSupportedException e) { Log(e.Message); throw; }")]
    [InlineData("try { [|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|]; } catch (PlatformNotSupportedException) { throw new InvalidOperationException(\"keepalive\"); }")]
    [InlineData("[|socket.SetSocketOption((SocketOptionLevel)6, (SocketOptionName)5, 10)|];")]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)18, 30000)|];")]
    public Task IOControl_and_pass_through_options_on_netstandard(string body) => Verify(body, TestTargetFramework.NetStandard20);

    [Theory]
    [InlineData("[|socket.IOControl(unchecked((int)0x98000004), Values, null)|];")]
    [InlineData("[|socket.IOControl((IOControlCode)(-1744830460), Values, null)|];")]
    [InlineData("[|socket.IOControl(SioKeepAliveVals, Values, Array.Empty<byte>())|];")]
    [InlineData("const IOControlCode code = (IOControlCode)0x98000004; [|socket.IOControl(code, Values, null)|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000))|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 3, BitConverter.GetBytes(60))|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 0x10, BitConverter.GetBytes(60))|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 17, BitConverter.GetBytes(10))|];")]
    [InlineData("if (OperatingSystem.IsLinux()) [|socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120))|];")]
    [InlineData("if (!OperatingSystem.IsWindows()) [|socket.SetRawSocketOption(6, 16, BitConverter.GetBytes(6))|];")]
    [InlineData("if (OperatingSystem.IsMacOS()) [|socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000))|];")]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)18, 120_000)|];")]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)14, 120_000)|];")]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)0x80, 120)|];")]
    [InlineData("try { [|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)18, 120_000)|]; } catch (SocketException) { }")]
    public Task Numeric_forms_on_net8(string body) => Verify(body, TestTargetFramework.Net80);

    // Linux C code translated to C#: TCP_KEEPIDLE 4, TCP_KEEPINTVL 5, TCP_KEEPCNT 6, TCP_USER_TIMEOUT 18. Every number
    // a dead-peer option has on some OS is checked against the table of all TCP-level numbers (docs/socket-options.md §1.5).
    [Theory]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)4, 5)|];")]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)6, 3)|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(60))|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 6, BitConverter.GetBytes(6))|];")]
    [InlineData("[|socket.SetRawSocketOption(6, 0x101, BitConverter.GetBytes(10))|];")]
    [InlineData("[|socket.SetRawSocketOption(optionValue: BitConverter.GetBytes(60), optionName: 4, optionLevel: 6)|];")]
    public Task Linux_numbers_translated_from_C(string body) => Verify(body, TestTargetFramework.Net80);

    // The number reaches the call through a local, a field, a conditional or a helper's parameter.
    [Theory]
    [InlineData("int keepIdle = 4; [|socket.SetRawSocketOption(6, keepIdle, BitConverter.GetBytes(60))|];")]
    [InlineData("int option; if (endPoint.Port > 0) { option = 18; } else { option = 4; } [|socket.SetRawSocketOption(6, option, BitConverter.GetBytes(60))|];")]
    [InlineData("var option = endPoint.Port > 0 ? 1 : 4; [|socket.SetRawSocketOption(6, option, BitConverter.GetBytes(60))|];")]
    [InlineData("[|socket.SetRawSocketOption(6, KeepIdleField, BitConverter.GetBytes(60))|];")]
    [InlineData("[|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)KeepIdleField, 60)|];")]
    public Task Numbers_that_arrive_indirectly(string body) =>
        Verifier.VerifyAsync(
            Template.Replace("/*body*/", body).Replace("private static void Log", "private static readonly int KeepIdleField = 4;\n\n    private static void Log"),
            new() { TargetFramework = TestTargetFramework.Net80 });

    [Fact]
    public Task Number_passed_to_an_in_source_helper() => Verifier.VerifyAsync(
        Template.Replace("/*body*/", "SetTcp(socket, 4, 60); SetTcp(socket, 5, 10);").Replace(
            "private static void Log",
            "private static void SetTcp(Socket socket, int name, int value) => [|socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value))|];\n\n    private static void Log"),
        new() { TargetFramework = TestTargetFramework.Net80 });

    [Theory]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (PlatformNotSupportedException)|] { }", TestTargetFramework.NetStandard20)]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (PlatformNotSupportedException e)|] { Log(e.Message); }", TestTargetFramework.NetStandard20)]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (NotSupportedException)|] { Console.WriteLine(\"no keepalive\"); }", TestTargetFramework.NetStandard20)]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (PlatformNotSupportedException)|] { return; }", TestTargetFramework.NetStandard20)]
    [InlineData("Action<string>? logger = Log; try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (PlatformNotSupportedException)|] { logger?.Invoke(\"keepalive not supported\"); }", TestTargetFramework.NetStandard20)]
    [InlineData("try { var buffer = new byte[12]; Buffer.BlockCopy(BitConverter.GetBytes(1u), 0, buffer, 0, 4); socket.IOControl(IOControlCode.KeepAliveValues, buffer, null); } [|catch (Exception)|] { System.Diagnostics.Debug.WriteLine(\"keepalives not supported on this platform\"); }", TestTargetFramework.NetStandard20)]
    [InlineData("try { socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (Exception)|] { }", TestTargetFramework.NetStandard20)]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch|] { }", TestTargetFramework.NetStandard20)]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, Values, null); } [|catch (PlatformNotSupportedException)|] { }", TestTargetFramework.Net80)]
    [InlineData("try { socket.IOControl(SioKeepAliveVals, Values, null); } [|catch (PlatformNotSupportedException)|] { }", TestTargetFramework.Net80)]
    public Task Catch_that_swallows_the_failure(string body, TestTargetFramework framework) => Verify(body, framework);

    private const string SwallowedInHelper = """
        using System;
        using System.Net.Sockets;

        public sealed class MongoLikeStreamFactory
        {
            private static readonly byte[] KeepAliveValues = new byte[12];

            public Socket Create()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                try
                {
                    SetKeepAliveValues(socket);
                }
                [|catch (PlatformNotSupportedException)|]
                {
                    // most likely a Linux box
                }

                return socket;
            }

            private static void SetKeepAliveValues(Socket socket) => socket.IOControl(IOControlCode.KeepAliveValues, KeepAliveValues, null);
        }
        """;

    [Fact]
    public Task Catch_around_a_helper_that_calls_IOControl() =>
        Verifier.VerifyAsync(SwallowedInHelper, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    private const string HelperWithOneUncheckedCaller = """
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class Connection
        {
            public void Server(Socket socket)
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    SetKeepAlive(socket);
                }
            }

            public void Client(Socket socket) => SetKeepAlive(socket);

            private static void SetKeepAlive(Socket socket) =>
                [|socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null)|];
        }
        """;

    [Fact]
    public Task Helper_with_a_caller_that_does_not_check() =>
        Verifier.VerifyAsync(HelperWithOneUncheckedCaller, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    [Fact]
    public Task A_netstandard_TargetFramework_property_wins_over_the_referenced_framework() =>
        Verify("[|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];", TestTargetFramework.Net80,
            "build_property.TargetFramework = netstandard2.0");

    [Theory]
    [InlineData("dotnet_diagnostic.CA1416.severity = none")]
    [InlineData("dotnet_diagnostic.CA1416.severity = silent")]
    [InlineData("[*.cs]\ndotnet_diagnostic.CA1416.severity = none")]
    public Task Enum_member_on_net8_when_CA1416_is_switched_off(string editorConfig) =>
        Verify("[|socket.IOControl(IOControlCode.KeepAliveValues, Values, null)|];", TestTargetFramework.Net80, editorConfig);

    [Fact]
    public Task Messages_name_the_call_and_the_platforms() =>
        Verifier.VerifyAsync(
            Template.Replace("/*body*/", """
                [|socket.IOControl(unchecked((int)0x98000004), Values, null)|];
                [|socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000))|];
                if (OperatingSystem.IsLinux()) [|socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120))|];
                [|socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120)|];
                try { socket.IOControl(SioKeepAliveVals, Values, null); } [|catch (PlatformNotSupportedException)|] { }
                """),
            new()
            {
                ExpectedMessages =
                [
                    "'IOControl(0x98000004)' throws PlatformNotSupportedException on Linux and macOS; call it only when OperatingSystem.IsWindows() (or RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) is true and set TcpKeepAliveTime/Interval/RetryCount elsewhere (TcpKeepAlive.Configure)",
                    "'SetRawSocketOption(6, 18, …)' sets TCP_USER_TIMEOUT on Linux, TCP_FAIL_CONNECT_ON_ICMP_ERROR on Windows and no option on macOS; call it only under the check for the OS the number is meant for (OperatingSystem.IsLinux(), IsWindows(), IsMacOS())",
                    "'SetRawSocketOption(6, 128, …)' sets no option on Linux; call it only under the check for the OS the number is meant for (OperatingSystem.IsLinux(), IsWindows(), IsMacOS())",
                    "'SetSocketOption(Tcp, (SocketOptionName)5, …)' reaches Windows unchanged (TCP_MAXRT) but throws SocketException (OperationNotSupported) on Linux and macOS; call it only when OperatingSystem.IsWindows() is true and use SetRawSocketOption with the Linux or macOS number elsewhere",
                    "'catch (PlatformNotSupportedException)' swallows the PlatformNotSupportedException that IOControl(KeepAliveValues) throws on Linux and macOS, so connections there silently keep the OS keepalive defaults (first probe after 2 h); set TcpKeepAliveTime/Interval/RetryCount on those platforms instead (TcpKeepAlive.Configure)",
                ],
            });
}
