using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Every source of the KA0005 tests (the <c>const string</c> fields of its test classes, plus one source that puts many
/// of the case fragments together), cut short at token boundaries and with single tokens deleted, must not make any
/// shipped analyzer or code fix throw, on net8.0 and on netstandard2.0.
/// </summary>
public class KA0005NoCrashTests
{
    private const string Fragments = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;

        public sealed class Mixed
        {
            private static readonly byte[] Values = new byte[12];
            private static readonly byte[] UserTimeout = BitConverter.GetBytes(120_000);
            private const int SioKeepAliveVals = unchecked((int)0x98000004);

            public async Task OpenAsync(Socket socket, TcpClient client, string host, int port, IPAddress[] addresses)
            {
                socket.IOControl(IOControlCode.KeepAliveValues, Values, null);
                if (!OperatingSystem.IsWindows()) return;
                try { socket.IOControl(SioKeepAliveVals, Values, null); } catch (PlatformNotSupportedException e) { Log(e.Message); }
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || Environment.OSVersion.Platform is not PlatformID.Win32NT) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));
                _ = System.IO.Path.DirectorySeparatorChar == '\\' ? socket.IOControl(IOControlCode.KeepAliveValues, Values, null) : 0;
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)18, 1);
                await Task.CompletedTask;
            }

            private static void Log(string message) => Console.Error.WriteLine(message);
        }
        """;

    private static readonly RuleTestSources Sources = new("KA0005", "KA0005WindowsOnlyKeepAliveApi", "KA0005NoCrashTests.Fragments", Fragments);

    public static TheoryData<string, TestTargetFramework> Cases() => Sources.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Broken_variants_of_the_test_source_do_not_crash(string name, TestTargetFramework framework) => Sources.VerifyNoCrashAsync(name, framework);

    [Fact]
    public void Every_KA0005_test_class_contributes_sources() => Sources.AssertEveryTestClassContributes();
}
