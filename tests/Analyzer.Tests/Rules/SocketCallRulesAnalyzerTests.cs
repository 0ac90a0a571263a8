using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer the package ships for KA0004, KA0005, KA0007 and KA0008 reports exactly what the four rules report
/// one by one (their own tests run each rule alone), on both targets, with all four findings in one project too.
/// </summary>
public class SocketCallRulesAnalyzerTests
{
    private static readonly DiagnosticAnalyzer[] Alone =
    [
        new KA0004WrongKeepAliveValueAnalyzer(), new KA0005WindowsOnlyKeepAliveApiAnalyzer(),
        new KA0007RawOptionBeforeMultiAddressConnectAnalyzer(), new KA0008UserTimeoutMismatchAnalyzer(),
    ];

    /// <summary>One finding of each rule, in its own test template.</summary>
    private static readonly Dictionary<string, string> Findings = new()
    {
        ["KA0004"] = KA0004WrongKeepAliveValueAnalyzerTests.Template.Replace(
            "/*code*/", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, {|KA0004:30000|});"),
        ["KA0005"] = KA0005WindowsOnlyKeepAliveApiAnalyzerDiagnosticTests.Template.Replace(
            "/*body*/", "{|KA0005:socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000))|};"),
        ["KA0007"] = KA0007RawOptionBeforeMultiAddressConnectAnalyzerDiagnosticTests.Template.Replace(
            "/*body*/", "{|KA0007:socket.SetRawSocketOption(6, 18, UserTimeout)|}; socket.Connect(host, port);"),
        ["KA0008"] = KA0008UserTimeoutMismatchAnalyzerTests.Template.Replace(
            "/*code*/", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); socket.SetRawSocketOption(6, 18, {|KA0008:BitConverter.GetBytes(60_000)|});"),
    };

    /// <summary>Each finding on .NET 8, and the IOControl form on netstandard2.0 (the other three need APIs it lacks).</summary>
    public static TheoryData<string, TestTargetFramework> Cases()
    {
        var data = new TheoryData<string, TestTargetFramework>();
        foreach (var id in Findings.Keys)
        {
            data.Add(id, TestTargetFramework.Net80);
        }

        data.Add(NetStandardIoControl, TestTargetFramework.NetStandard20);
        return data;
    }

    private const string NetStandardIoControl = "KA0005 IOControl";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reports_what_the_four_rules_report_alone(string finding, TestTargetFramework framework)
    {
        var code = finding == NetStandardIoControl
            ? KA0005WindowsOnlyKeepAliveApiAnalyzerDiagnosticTests.Template.Replace("/*body*/", "socket.IOControl(IOControlCode.KeepAliveValues, Values, null);")
            : Markup.Parse(Findings[finding]).Code;
        var options = new TestOptions { TargetFramework = framework };
        var merged = await DiagnosticsOf(new SocketCallRulesAnalyzer(), code, options);
        var alone = (await Task.WhenAll(Alone.Select(analyzer => DiagnosticsOf(analyzer, code, options)))).SelectMany(d => d).ToList();

        Assert.Equal(Describe(alone), Describe(merged));
        Assert.Contains(merged, d => d.Id == finding.Substring(0, 6));
    }

    [Fact]
    public Task Four_findings_four_rules_one_analyzer() => AnalyzerVerifier<SocketCallRulesAnalyzer>.VerifyAsync(
    [
        Findings["KA0004"],
        Findings["KA0005"].Replace("class KeepAliveSetup", "class WindowsKeepAliveSetup"), // both templates name their class KeepAliveSetup
        // An unguarded raw option is also KA0005's: each rule still reports what it reports alone.
        Findings["KA0007"].Replace("{|KA0007:socket.SetRawSocketOption(6, 18, UserTimeout)|}", "{|KA0005:{|KA0007:socket.SetRawSocketOption(6, 18, UserTimeout)|}|}"),
        Findings["KA0008"].Replace("socket.SetRawSocketOption(6, 18, {|KA0008:BitConverter.GetBytes(60_000)|})", "{|KA0005:socket.SetRawSocketOption(6, 18, {|KA0008:BitConverter.GetBytes(60_000)|})|}"),
    ]);

    [Fact]
    public void Ships_the_four_socket_call_rules_and_nothing_else_ships_them()
    {
        Assert.Equal(["KA0004", "KA0005", "KA0007", "KA0008"], new SocketCallRulesAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.All(Alone, analyzer => Assert.False(analyzer.GetType().IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false)));
    }

    private static async Task<Diagnostic[]> DiagnosticsOf(DiagnosticAnalyzer analyzer, string code, TestOptions options) =>
        (await AnalyzerVerification.AnalyzeAsync(analyzer, [code], options, TestAnalyzerConfig.Parse(null), analyzer.GetType().Name, options.AllowCompilerErrors))
            .Diagnostics.ToArray();

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage()}").OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
}
