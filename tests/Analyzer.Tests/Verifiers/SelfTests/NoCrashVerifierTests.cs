using System.Linq;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

public class NoCrashVerifierTests
{
    [Fact]
    public Task Passes_for_a_robust_analyzer_and_fix() =>
        NoCrashVerifier.VerifyAsync([new NewTcpClientAnalyzer()], [new SetNoDelayFix()], [Snippets.TwoClients]);

    [Fact]
    public async Task Fails_for_an_analyzer_that_throws_on_broken_code()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            NoCrashVerifier.VerifyAsync([new ThrowsOnBrokenCodeAnalyzer()], [], [Snippets.TwoClients]));

        Assert.Contains("test analyzer failure on broken code", error.Message);
    }

    [Fact]
    public async Task Fails_for_a_fix_that_throws_on_broken_code()
    {
        var error = await Assert.ThrowsAsync<VerificationException>(() =>
            NoCrashVerifier.VerifyAsync([new NewTcpClientAnalyzer()], [new ThrowsOnBrokenCodeFix()], [Snippets.TwoClients]));

        Assert.Contains("test fix failure on broken code", error.Message);
    }

    [Fact]
    public void Discovers_concrete_analyzers_and_fixes_of_an_assembly()
    {
        var analyzers = NoCrashVerifier.Discover<DiagnosticAnalyzer>(typeof(NewTcpClientAnalyzer).Assembly);
        var fixes = NoCrashVerifier.Discover<CodeFixProvider>(typeof(SetNoDelayFix).Assembly);

        Assert.Contains(analyzers, a => a is ThrowingAnalyzer);
        Assert.Contains(fixes, f => f is DivergentFixAllFix);
        Assert.DoesNotContain(analyzers.Select(a => a.GetType()), t => t.IsAbstract);
    }
}
