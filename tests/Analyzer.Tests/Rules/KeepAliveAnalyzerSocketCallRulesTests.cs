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
public class KeepAliveAnalyzerSocketCallRulesTests
{
    private static readonly DiagnosticAnalyzer[] Alone =
    [
        KeepAliveAnalyzer.WithRules("KA0004"), KeepAliveAnalyzer.WithRules("KA0005"),
        KeepAliveAnalyzer.WithRules("KA0007"), KeepAliveAnalyzer.WithRules("KA0008"),
    ];

    /// <summary>One finding of each rule, in its own test template.</summary>
    private static readonly Dictionary<string, string> Findings = new()
    {
        ["KA0004"] = KA0004WrongKeepAliveValueTests.Template.Replace(
            "/*code*/", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, {|KA0004:30000|});"),
        ["KA0005"] = KA0005WindowsOnlyKeepAliveApiDiagnosticTests.Template.Replace(
            "/*body*/", "{|KA0005:socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000))|};"),
        ["KA0007"] = KA0007RawOptionBeforeMultiAddressConnectDiagnosticTests.Template.Replace(
            "/*body*/", "{|KA0007:socket.SetRawSocketOption(6, 18, UserTimeout)|}; socket.Connect(host, port);"),
        ["KA0008"] = KA0008UserTimeoutMismatchTests.Template.Replace(
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
            ? KA0005WindowsOnlyKeepAliveApiDiagnosticTests.Template.Replace("/*body*/", "socket.IOControl(IOControlCode.KeepAliveValues, Values, null);")
            : Markup.Parse(Findings[finding]).Code;
        var options = new TestOptions { TargetFramework = framework };
        var merged = await DiagnosticsOf(KeepAliveAnalyzer.WithRules("KA0004", "KA0005", "KA0007", "KA0008"), code, options);
        var alone = (await Task.WhenAll(Alone.Select(analyzer => DiagnosticsOf(analyzer, code, options)))).SelectMany(d => d).ToList();

        Assert.Equal(Describe(alone), Describe(merged));
        Assert.Contains(merged, d => d.Id == finding.Substring(0, 6));
    }

    [Fact]
    public Task Four_findings_four_rules_one_analyzer() => AnalyzerVerifier<KeepAliveAnalyzer>.VerifyAsync(
    [
        Findings["KA0004"],
        Findings["KA0005"].Replace("class KeepAliveSetup", "class WindowsKeepAliveSetup"), // both templates name their class KeepAliveSetup
        // An unguarded raw option is also KA0005's: each rule still reports what it reports alone.
        Findings["KA0007"].Replace("{|KA0007:socket.SetRawSocketOption(6, 18, UserTimeout)|}", "{|KA0005:{|KA0007:socket.SetRawSocketOption(6, 18, UserTimeout)|}|}"),
        Findings["KA0008"].Replace("socket.SetRawSocketOption(6, 18, {|KA0008:BitConverter.GetBytes(60_000)|})", "{|KA0005:socket.SetRawSocketOption(6, 18, {|KA0008:BitConverter.GetBytes(60_000)|})|}"),
    ]);

    private static async Task<Diagnostic[]> DiagnosticsOf(DiagnosticAnalyzer analyzer, string code, TestOptions options) =>
        (await AnalyzerVerification.AnalyzeAsync(analyzer, [code], options, TestAnalyzerConfig.Parse(null), string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id)), options.AllowCompilerErrors))
            .Diagnostics.ToArray();

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage()}").OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
}
