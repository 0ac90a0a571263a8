// Tests on which the analyzer disagrees with the rule, filed in /tmp/team/ka0001-findings.md. Compiled out until the
// lead marks the finding FIXED; then the test moves into the class named in its comment.
#if KA0001_PENDING
using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetectionAnalyzer>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0001PendingCases
{
}
#endif
