using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Every source of the KA0007 tests (the <c>const string</c> fields of its test classes, plus one source that puts many
/// of the case fragments together), cut short at token boundaries and with single tokens deleted, must not make any
/// shipped analyzer or code fix throw, on net8.0 and on netstandard2.0.
/// </summary>
public class KA0007NoCrashTests
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
                socket.SetRawSocketOption(6, 18, UserTimeout);
                var fd = client.Client.Handle;
                if (port == 0) { _ = socket.SafeHandle; } else { await socket.ConnectAsync(new DnsEndPoint(host, port)); }
                EndPoint remote = new DnsEndPoint(host, port);
                switch (port) { case 1: socket.Connect(remote); break; default: client.Connect(addresses, port); break; }
                await client.ConnectAsync(host, port);
                await Task.CompletedTask;
            }

            private static void Log(string message) => Console.Error.WriteLine(message);
        }
        """;

    private static readonly RuleTestSources Sources = new("KA0007", "KA0007RawOptionBeforeMultiAddressConnect", "KA0007NoCrashTests.Fragments", Fragments);

    public static TheoryData<string, TestTargetFramework> Cases() => Sources.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Broken_variants_of_the_test_source_do_not_crash(string name, TestTargetFramework framework) => Sources.VerifyNoCrashAsync(name, framework);

    [Fact]
    public void Every_KA0007_test_class_contributes_sources() => Sources.AssertEveryTestClassContributes();
}
