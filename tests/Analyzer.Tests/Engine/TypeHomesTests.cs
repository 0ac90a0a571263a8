using System;
using System.Collections.Immutable;
using System.Linq;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>
/// The targeted type lookup must answer exactly what <see cref="Compilation.GetTypeByMetadataName"/> answers, for
/// every type the rules look up, on every target framework the tests know, with and without our helper.
/// </summary>
public class TypeHomesTests
{
    // Every metadata name KnownSymbols and PlatformContext look up.
    public static TheoryData<string> FrameworkTypes => new(
        "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Net.Sockets.TcpListener", "System.Net.Sockets.SocketAsyncEventArgs",
        "System.Net.Sockets.NetworkStream", "System.Net.Sockets.SocketType", "System.Net.Sockets.ProtocolType", "System.Net.Sockets.AddressFamily",
        "System.Net.IPAddress", "System.Net.IPEndPoint", "System.Net.DnsEndPoint", "System.IO.Stream", "System.IO.TextReader",
        "System.IO.TextWriter", "System.IO.BinaryReader", "System.IO.BinaryWriter", "System.Net.Sockets.SocketTaskExtensions",
        "System.OperatingSystem", "System.Runtime.InteropServices.RuntimeInformation", "System.Runtime.InteropServices.OSPlatform",
        "System.PlatformID", "System.IO.Path", "System.Net.Sockets.IOControlCode", "System.PlatformNotSupportedException",
        "System.NotSupportedException", "System.Net.Sockets.SocketException");

    public static TheoryData<string> HelperTypes => new("KeepAlive.TcpKeepAlive", "KeepAlive.TcpKeepAliveExtensions", "KeepAlive.TcpKeepAliveOptions");

    private static CSharpCompilation Compile(TestTargetFramework framework, bool helper, string source = "class C { }") =>
        CSharpCompilation.Create("Probe", [CSharpSyntaxTree.ParseText(source)], ReferenceAssemblies.For(framework, helper));

    [Theory]
    [MemberData(nameof(FrameworkTypes))]
    public void Framework_types_are_the_compilations_own_answer(string metadataName)
    {
        foreach (var framework in Enum.GetValues<TestTargetFramework>())
        {
            var compilation = Compile(framework, helper: false);
            var expected = compilation.GetTypeByMetadataName(metadataName);
            Assert.Equal(expected, new TypeHomes(compilation).Framework(metadataName), SymbolEqualityComparer.Default);
        }
    }

    [Theory]
    [MemberData(nameof(HelperTypes))]
    public void Helper_types_come_from_KeepAlive_Runtime_when_referenced(string metadataName)
    {
        foreach (var framework in Enum.GetValues<TestTargetFramework>())
        {
            var withHelper = Compile(framework, helper: true);
            Assert.NotNull(withHelper.GetTypeByMetadataName(metadataName));
            Assert.Equal(withHelper.GetTypeByMetadataName(metadataName), new TypeHomes(withHelper).Helper(metadataName), SymbolEqualityComparer.Default);
            Assert.Null(new TypeHomes(Compile(framework, helper: false)).Helper(metadataName));
        }
    }

    [Fact]
    public void A_type_of_the_projects_own_code_wins_as_in_the_compilers_lookup()
    {
        var compilation = Compile(TestTargetFramework.NetStandard20, helper: true,
            "namespace System { internal static class OperatingSystem { } } namespace KeepAlive { internal static class TcpKeepAlive { } }");
        var homes = new TypeHomes(compilation);

        Assert.Same(compilation.Assembly, homes.Framework("System.OperatingSystem")!.ContainingAssembly);
        Assert.Same(compilation.Assembly, homes.Helper("KeepAlive.TcpKeepAlive")!.ContainingAssembly);
        Assert.Equal(compilation.GetTypeByMetadataName("System.OperatingSystem"), homes.Framework("System.OperatingSystem"), SymbolEqualityComparer.Default);
    }

    [Theory]
    [InlineData("System.Net.Sockets.NoSuchType")]
    [InlineData("System.Runtime.InteropServices.NoSuchType")]
    public void A_type_absent_from_the_target_is_null(string metadataName)
    {
        foreach (var framework in Enum.GetValues<TestTargetFramework>())
        {
            Assert.Null(new TypeHomes(Compile(framework, helper: true)).Framework(metadataName));
        }
    }

    [Fact]
    public void Without_any_framework_assembly_the_compilation_is_searched()
    {
        var compilation = CSharpCompilation.Create("Bare", [CSharpSyntaxTree.ParseText("namespace System.Net.Sockets { public class Socket { } }")],
            ImmutableArray<MetadataReference>.Empty);
        Assert.Equal("Socket", new TypeHomes(compilation).Framework("System.Net.Sockets.Socket")?.Name);
        Assert.Empty(compilation.SourceModule.ReferencedAssemblySymbols.Where(a => a.Name == "System.Runtime"));
    }
}
