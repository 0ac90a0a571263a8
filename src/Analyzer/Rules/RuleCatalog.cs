using System.Collections.Immutable;
using KeepAliveAnalyzers.Hosting;

namespace KeepAliveAnalyzers.Rules;

/// <summary>Every rule the package ships, in id order: what <c>KeepAliveAnalyzer</c> hosts.</summary>
internal static class RuleCatalog
{
    public static readonly ImmutableArray<KeepAliveRule> All = ImmutableArray.Create<KeepAliveRule>(
        new KA0001NoDeadPeerDetection(),
        new KA0002KeepAliveWithDefaultTimings(),
        new KA0003NoUserTimeout(),
        new KA0004WrongKeepAliveValue(),
        new KA0005WindowsOnlyKeepAliveApi(),
        new KA0006TimingsWithoutKeepAlive(),
        new KA0007RawOptionBeforeMultiAddressConnect(),
        new KA0008UserTimeoutMismatch());
}
