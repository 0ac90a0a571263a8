using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Tests.Verifiers.SelfTests.NewTcpClientAnalyzer>;

namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

public class OptionsAndReferencesTests
{
    private static readonly string Unmarked = Snippets.OneClient.Replace("[|", "").Replace("|]", "");
    private static readonly string UnmarkedD = Unmarked.Replace("class C", "class D");

    [Fact]
    public Task Global_option_reaches_the_analyzer() => Verify.VerifyAsync(Unmarked, new() { EditorConfig = "tst001.ignore = true" });

    [Fact]
    public Task Section_option_applies_to_its_document_only() =>
        Verify.VerifyAsync([Snippets.OneClient, UnmarkedD], new() { EditorConfig = "[Test1.cs]\ntst001.ignore = true" });

    [Fact]
    public Task Global_severity_none_silences_the_rule() =>
        Verify.VerifyAsync(Unmarked, new() { EditorConfig = "dotnet_diagnostic.TST001.severity = none" });

    [Fact]
    public Task Section_severity_applies_to_its_document_only() =>
        Verify.VerifyAsync([Snippets.OneClient, UnmarkedD], new() { EditorConfig = "[Test1.cs]\ndotnet_diagnostic.TST001.severity = none" });

    [Fact]
    public async Task Severity_none_makes_marked_diagnostics_missing()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            Verify.VerifyAsync(Snippets.OneClient, new() { EditorConfig = "dotnet_diagnostic.TST001.severity = none" }));

        Assert.Contains("missing:", error.Message);
    }

    [Fact]
    public Task Generated_code_option_hides_the_document() =>
        Verify.VerifyAsync(Unmarked, new() { EditorConfig = "[*.cs]\ngenerated_code = true" });

    private const string UsesNet8Api = "class C { object O => System.Net.Sockets.SocketOptionName.TcpKeepAliveInterval; }";

    [Fact]
    public Task Net80_is_the_default_target() => Verify.VerifyAsync(UsesNet8Api);

    [Fact]
    public async Task NetStandard20_lacks_net8_apis()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            Verify.VerifyAsync(UsesNet8Api, new() { TargetFramework = TestTargetFramework.NetStandard20 }));

        Assert.Contains("CS0117", error.Message);
    }

    private const string UsesRuntime = "class C { object O(System.Net.Sockets.TcpClient c) => KeepAlive.TcpKeepAlive.Configure(c); }";

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task KeepAlive_runtime_resolves_when_referenced(TestTargetFramework framework) =>
        Verify.VerifyAsync(UsesRuntime, new() { TargetFramework = framework, ReferenceKeepAliveRuntime = true });

    [Fact]
    public async Task KeepAlive_runtime_is_absent_by_default()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyAsync(UsesRuntime));

        Assert.Contains("CS0103 'KeepAlive'", error.Message);
    }

    [Fact]
    public void Runtime_dll_matches_the_target_framework()
    {
        Assert.EndsWith("/net8.0/KeepAlive.Runtime.dll", ReferenceAssemblies.KeepAliveRuntimePath(TestTargetFramework.Net80).Replace('\\', '/'));
        Assert.EndsWith("/netstandard2.0/KeepAlive.Runtime.dll", ReferenceAssemblies.KeepAliveRuntimePath(TestTargetFramework.NetStandard20).Replace('\\', '/'));
    }
}
