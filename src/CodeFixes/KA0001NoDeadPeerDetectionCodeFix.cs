using System.Composition;
using KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeepAliveAnalyzers.CodeFixes;

/// <summary>KA0001: inserts <c>TcpKeepAlive.Configure(x);</c> where the connection is connected or accepted.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KA0001NoDeadPeerDetectionCodeFix))]
[Shared]
public sealed class KA0001NoDeadPeerDetectionCodeFix : ConfigureKeepAliveCodeFix
{
    /// <summary>Creates the fix.</summary>
    public KA0001NoDeadPeerDetectionCodeFix()
        : base(RuleIds.NoDeadPeerDetection)
    {
    }
}
