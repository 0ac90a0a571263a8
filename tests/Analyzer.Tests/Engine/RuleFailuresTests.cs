using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Hosting;
using KeepAliveAnalyzers.Rules;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Rules;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>
/// One rule failing on one piece of code costs the other hosted rules, and the type's other connections, nothing;
/// the failure still surfaces (AD0001), with the stack of the code that threw.
/// </summary>
public class RuleFailuresTests
{
    [Fact]
    public void Every_piece_runs_and_the_first_failure_is_thrown_again_with_its_stack()
    {
        var ran = new List<int>();
        var failures = default(RuleFailures);
        foreach (var piece in new[] { 1, 2, 3 })
        {
            failures.Run(Work, piece);
        }

        var thrown = Assert.Throws<InvalidOperationException>(failures.ThrowFirst);
        Assert.Equal([1, 2, 3], ran);
        Assert.Equal("piece 2", thrown.Message);
        Assert.Contains(nameof(Work), thrown.StackTrace);

        void Work(int piece)
        {
            ran.Add(piece);
            if (piece >= 2)
            {
                throw new InvalidOperationException($"piece {piece}");
            }
        }
    }

    [Fact]
    public void Nothing_failed_nothing_thrown()
    {
        var failures = default(RuleFailures);
        failures.Run(_ => { }, 0);
        failures.ThrowFirst();
    }

    [Fact]
    public void Cancellation_is_not_held_back()
    {
        var failures = default(RuleFailures);
        Assert.Throws<OperationCanceledException>(() => failures.Run(_ => throw new OperationCanceledException(), 0));
        failures.ThrowFirst(); // nothing was kept
    }

    [Fact]
    public async Task A_socket_call_rule_that_throws_leaves_the_other_rules_their_findings()
    {
        var code = KA0004WrongKeepAliveValueTests.Template.Replace(
            "/*code*/", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30000);");

        var result = await RunAsync(ThrowingRuleHosts.SocketCall(), code);

        Assert.Contains(result.Diagnostics, d => d.Id == "KA0004");
        Assert.Contains(result.AnalyzerFailures, f => f.Contains("socket-call rule failed"));
    }

    [Fact]
    public async Task A_connection_that_fails_leaves_the_type_its_other_connections()
    {
        const string code = """
            using System.Net.Sockets;

            class Pair
            {
                private TcpClient? _first;
                private TcpClient? _second;

                void Open()
                {
                    _first = new TcpClient("first.example", 1);
                    _second = new TcpClient("second.example", 2);
                }
            }
            """;

        var result = await RunAsync(ThrowingRuleHosts.Connection(), code);

        Assert.Equal(["KA0001 '_second'"], result.Diagnostics.Select(d => $"{d.Id} '{d.GetMessage().Split('\'')[1]}'"));
        Assert.Contains(result.AnalyzerFailures, f => f.Contains("connection rule failed on _first"));
    }

    private static Task<AnalyzerRunResult> RunAsync(DiagnosticAnalyzer analyzer, string code)
    {
        var project = TestSolutionFactory.Create([code], new TestOptions()).Projects.Single();
        return AnalyzerRunner.RunAsync(project, [analyzer], TestAnalyzerConfig.Parse(null));
    }
}
