using System.Composition;
using KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeepAliveAnalyzers.CodeFixes;

/// <summary>
/// KA0002: inserts <c>TcpKeepAlive.Configure(x);</c> after the connect or accept. The helper sets the timings and the
/// user timeout; an existing <c>SetSocketOption(Socket, KeepAlive, true)</c> is left in place (it is harmless, and
/// it may sit behind a user option the team wants to keep).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KA0002KeepAliveWithDefaultTimingsCodeFix))]
[Shared]
public sealed class KA0002KeepAliveWithDefaultTimingsCodeFix : ConfigureKeepAliveCodeFix
{
    /// <summary>Creates the fix.</summary>
    public KA0002KeepAliveWithDefaultTimingsCodeFix()
        : base(RuleIds.KeepAliveWithDefaultTimings)
    {
    }
}
