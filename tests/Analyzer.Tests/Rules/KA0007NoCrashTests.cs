using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
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
    private const string TestClassPrefix = "KA0007RawOptionBeforeMultiAddressConnectAnalyzer";

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

    public static TheoryData<string, TestTargetFramework> Cases()
    {
        var data = new TheoryData<string, TestTargetFramework>();
        foreach (var name in Sources().Keys)
        {
            data.Add(name, TestTargetFramework.Net80);
            data.Add(name, TestTargetFramework.NetStandard20);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Broken_variants_of_the_test_source_do_not_crash(string name, TestTargetFramework framework) =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [Sources()[name]],
            new() { TargetFramework = framework, ReferenceKeepAliveRuntime = true });

    [Fact]
    public void Every_KA0007_test_class_contributes_sources()
    {
        var classes = TestClasses().ToList();
        Assert.True(classes.Count >= 2, $"found only {classes.Count} KA0007 test classes");
        Assert.All(classes, type => Assert.Contains(Sources().Keys, name => name.StartsWith(type.Name + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_shipped_analyzers_include_KA0007() =>
        Assert.Contains(NoCrashVerifier.ProductAnalyzers(), a => a.SupportedDiagnostics.Any(d => d.Id == "KA0007"));

    private static Dictionary<string, string> Sources() =>
        TestClasses()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.Name}.{field.Name}", Code: (string)field.GetRawConstantValue()!)))
            .Where(source => source.Code.Contains("class ", StringComparison.Ordinal))
            .Append((Name: "KA0007NoCrashTests.Fragments", Code: Fragments))
            .ToDictionary(source => source.Name, source => source.Code, StringComparer.Ordinal);

    private static IEnumerable<Type> TestClasses() =>
        typeof(KA0007NoCrashTests).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(KA0007NoCrashTests).Namespace && type.Name.StartsWith(TestClassPrefix, StringComparison.Ordinal));
}
