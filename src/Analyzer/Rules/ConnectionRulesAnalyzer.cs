using KeepAliveAnalyzers.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0001, KA0002, KA0003 and KA0006 as compilers and IDEs load them: one analyzer that judges each connection once
/// and asks each rule whether it reports it. As four analyzers they registered four sets of per-type actions and
/// raced to the same type's end, where the first computed the shared assessment and the others waited for it or
/// computed it again, each of them charged for it (about a fifth of the corpus time went to KA0002/3/6).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConnectionRulesAnalyzer : ConnectionRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ConnectionRulesAnalyzer()
        : base(
            KA0001NoDeadPeerDetectionAnalyzer.Definition,
            KA0002KeepAliveWithDefaultTimingsAnalyzer.Definition,
            KA0003NoUserTimeoutAnalyzer.Definition,
            KA0006TimingsWithoutKeepAliveAnalyzer.Definition)
    {
    }
}
