using System.Linq;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static KeepAliveAnalyzers.Tests.Rules.KeepAliveRuleTemplates;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer the package ships, hosting KA0001, KA0002, KA0003 and KA0006 together, reports exactly what the four rules report
/// one by one (their own tests run each rule alone), on every configuration the rules tell apart.
/// </summary>
public class KeepAliveAnalyzerConnectionRulesTests
{
    private const string On = "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);";
    private const string Idle = "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);";
    private const string UserTimeout = "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));";

    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    private static readonly DiagnosticAnalyzer[] Alone =
    [
        KeepAliveAnalyzer.WithRules("KA0001"), KeepAliveAnalyzer.WithRules("KA0002"),
        KeepAliveAnalyzer.WithRules("KA0003"), KeepAliveAnalyzer.WithRules("KA0006"),
    ];

    /// <summary>Template, configuration, and the rules that report it (timings alone are both tuned-without-user-timeout and never-enabled).</summary>
    public static TheoryData<string, string, string> Configurations => new()
    {
        { nameof(FeedClient), string.Empty, "KA0001" },
        { nameof(FeedClient), On, "KA0002" },
        { nameof(FeedClient), On + " " + Idle, "KA0003" },
        { nameof(FeedClient), Idle, "KA0003 KA0006" },
        { nameof(FeedClient), On + " " + Idle + " " + UserTimeout, string.Empty },
        { nameof(FeedClient), "TcpKeepAlive.Configure(socket);", string.Empty },
        { nameof(AcceptLoop), string.Empty, "KA0001" },
        { nameof(AcceptLoop), On.Replace("socket.", "client."), "KA0002" },
        { nameof(AcceptLoop), Idle.Replace("socket.", "client."), "KA0003 KA0006" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Reports_what_the_four_rules_report_alone(string template, string configure, string ids)
    {
        var code = With(template == nameof(FeedClient) ? FeedClient : AcceptLoop, configure).Replace("using System;", "using System;\nusing KeepAlive;");
        var merged = await DiagnosticsOf(KeepAliveAnalyzer.WithRules("KA0001", "KA0002", "KA0003", "KA0006"), code);
        var alone = (await Task.WhenAll(Alone.Select(analyzer => DiagnosticsOf(analyzer, code)))).SelectMany(d => d).ToList();

        Assert.Equal(Describe(alone), Describe(merged));
        Assert.Equal(ids, string.Join(" ", merged.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal)));
    }

    [Fact]
    public Task Four_connections_four_rules_one_analyzer() => AnalyzerVerifier<KeepAliveAnalyzer>.VerifyAsync(
    [
        With(FeedClient, string.Empty, "KA0001"),
        With(FeedClient, On, "KA0002").Replace("FeedClient", "KeptClient"),
        With(FeedClient, On + " " + Idle, "KA0003").Replace("FeedClient", "TunedClient"),
        With(FeedClient, Idle, "KA0006").Replace("{|KA0006:", "{|KA0003:{|KA0006:").Replace("ProtocolType.Tcp)|}", "ProtocolType.Tcp)|}|}").Replace("FeedClient", "HalfClient"),
    ], WithRuntime);

    private static async Task<Diagnostic[]> DiagnosticsOf(DiagnosticAnalyzer analyzer, string code) =>
        (await AnalyzerVerification.AnalyzeAsync(analyzer, [code], WithRuntime, TestAnalyzerConfig.Parse(null), string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id)), allowCompilerErrors: false))
            .Diagnostics.ToArray();

    private static string[] Describe(System.Collections.Generic.IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage()} {d.AdditionalLocations.Count}").OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
}
