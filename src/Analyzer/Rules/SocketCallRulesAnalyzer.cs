using KeepAliveAnalyzers.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0004, KA0005, KA0007 and KA0008 as compilers and IDEs load them: one analyzer with one invocation callback. As
/// four analyzers each took a callback on every invocation of the code base, where their work is a name comparison;
/// the callbacks were most of what they cost on a large code base.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SocketCallRulesAnalyzer : SocketCallRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SocketCallRulesAnalyzer()
        : base(
            KA0004WrongKeepAliveValueAnalyzer.Definition,
            KA0005WindowsOnlyKeepAliveApiAnalyzer.Definition,
            KA0007RawOptionBeforeMultiAddressConnectAnalyzer.Definition,
            KA0008UserTimeoutMismatchAnalyzer.Definition)
    {
    }
}
