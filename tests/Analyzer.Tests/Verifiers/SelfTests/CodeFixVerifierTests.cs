using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Tests.Verifiers.SelfTests.NewTcpClientAnalyzer,
    KeepAliveAnalyzers.Tests.Verifiers.SelfTests.SetNoDelayFix>;

namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

public class CodeFixVerifierTests
{
    private const string OneClientFixed = """
        using System.Net.Sockets;

        class C
        {
            TcpClient Create() => new TcpClient() { NoDelay = true };
        }
        """;

    [Fact]
    public Task Passes_when_the_fix_gives_the_expected_text() => Verify.VerifyFixAsync(Snippets.TwoClients, Snippets.TwoClientsFixed);

    [Fact]
    public Task Passes_across_several_documents() =>
        Verify.VerifyFixAsync([Snippets.TwoClients, Snippets.OneClient.Replace("class C", "class D")], [Snippets.TwoClientsFixed, OneClientFixed.Replace("class C", "class D")]);

    [Fact]
    public Task Passes_with_crlf_line_endings() => Verify.VerifyFixAsync(Snippets.TwoClients.Replace("\n", "\r\n"), Snippets.TwoClientsFixed);

    [Fact]
    public Task Equivalence_key_selects_the_action() =>
        Verify.VerifyFixAsync(Snippets.TwoClients, Snippets.TwoClientsFixed.Replace("NoDelay = true", "NoDelay = false"), new() { EquivalenceKey = "ClearNoDelay" });

    [Fact]
    public Task Fixes_a_target_typed_new() =>
        Verify.VerifyFixAsync("class C { System.Net.Sockets.TcpClient M() => [|new()|]; }", "class C { System.Net.Sockets.TcpClient M() => new() { NoDelay = true }; }");

    [Fact]
    public async Task Fails_when_the_text_differs()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyFixAsync(Snippets.OneClient, OneClientFixed.Replace("true", "false")));

        Assert.Contains("Fixes applied one at a time: TestProject0/Test0.cs differs", error.Message);
        Assert.Contains("First difference at line 5", error.Message);
    }

    [Fact]
    public async Task Fails_when_the_fix_does_not_compile()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            CodeFixVerifier<NewTcpClientAnalyzer, NonCompilingFix>.VerifyFixAsync(Snippets.OneClient, OneClientFixed.Replace("true", "undefinedVariable")));

        Assert.Contains("Fixed source does not compile", error.Message);
        Assert.Contains("CS0103", error.Message);
    }

    [Fact]
    public async Task Fails_when_the_fixed_tree_does_not_round_trip()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            CodeFixVerifier<NewTcpClientAnalyzer, GluedTokensFix>.VerifyFixAsync(Snippets.OneClient, OneClientFixed.Replace("new TcpClient()", "newTcpClient()")));

        Assert.Contains("does not round-trip", error.Message);
    }

    [Fact]
    public async Task Fails_when_fix_all_differs_from_one_by_one()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            CodeFixVerifier<NewTcpClientAnalyzer, DivergentFixAllFix>.VerifyFixAsync(Snippets.TwoClients, Snippets.TwoClientsFixed));

        Assert.Contains("Fix All (Document) compared with fixes one at a time", error.Message);
    }

    [Fact]
    public async Task Fails_when_solution_fix_all_misses_another_project()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            CodeFixVerifier<NewTcpClientAnalyzer, ProjectOnlyFixAllFix>.VerifyFixAsync(Snippets.TwoClients, Snippets.TwoClientsFixed));

        Assert.Contains("Fix All (Solution, two projects) compared with fixes one at a time: TestProject1/Test0.cs differs", error.Message);
    }

    [Fact]
    public Task Fix_all_check_can_be_skipped() =>
        CodeFixVerifier<NewTcpClientAnalyzer, DivergentFixAllFix>.VerifyFixAsync(Snippets.TwoClients, Snippets.TwoClientsFixed, new() { SkipFixAllCheck = true });

    [Fact]
    public async Task Fails_when_the_fix_throws()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            CodeFixVerifier<NewTcpClientAnalyzer, ThrowingFix>.VerifyFixAsync(Snippets.OneClient, OneClientFixed));

        Assert.Contains("test fix failure", error.Message);
    }

    [Fact]
    public async Task Fails_when_no_fix_is_offered()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            CodeFixVerifier<NewTcpClientAnalyzer, NoActionFix>.VerifyFixAsync(Snippets.OneClient, OneClientFixed));

        Assert.Contains("offered no fix", error.Message);
    }

    [Fact]
    public async Task Fails_when_the_source_markup_is_wrong()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyFixAsync(Snippets.OneClient.Replace("[|", "").Replace("|]", ""), OneClientFixed));

        Assert.Contains("Source: the diagnostics differ", error.Message);
    }

    [Fact]
    public async Task Fails_when_the_fixed_source_expects_a_diagnostic_that_is_gone()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            Verify.VerifyFixAsync(Snippets.OneClient, OneClientFixed.Replace("new TcpClient() { NoDelay = true }", "[|new TcpClient() { NoDelay = true }|]")));

        Assert.Contains("Fixed source: the diagnostics differ", error.Message);
    }

    [Fact]
    public Task No_fix_offered_passes_when_none_is() => CodeFixVerifier<NewTcpClientAnalyzer, NoActionFix>.VerifyNoFixOfferedAsync(Snippets.OneClient);

    [Fact]
    public async Task No_fix_offered_fails_when_one_is()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyNoFixOfferedAsync(Snippets.OneClient));

        Assert.Contains("offered 'Set NoDelay'", error.Message);
    }

    [Fact]
    public async Task No_fix_offered_fails_without_a_diagnostic()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() => Verify.VerifyNoFixOfferedAsync(Snippets.Clean));

        Assert.Contains("checks nothing", error.Message);
    }

    [Fact]
    public Task Runtime_dependent_fix_is_offered_with_the_runtime() =>
        CodeFixVerifier<NewTcpClientAnalyzer, NeedsRuntimeFix>.VerifyFixAsync(Snippets.OneClient, OneClientFixed, new() { ReferenceKeepAliveRuntime = true });

    [Fact]
    public Task Runtime_dependent_fix_is_not_offered_without_the_runtime() =>
        CodeFixVerifier<NewTcpClientAnalyzer, NeedsRuntimeFix>.VerifyNoFixOfferedAsync(Snippets.OneClient);
}
