using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine;

/// <summary>Recognises the calls that give a socket dead-peer detection, and how much of it.</summary>
internal static class KeepAliveCalls
{
    // Option numbers: see docs/socket-options.md §1. SocketOptionName values equal the Windows numbers.
    private const int LevelSocket = 0xffff, LevelTcp = 6, LevelSolSocketLinux = 1;
    private const int KeepAlive = 8, SoKeepAliveLinux = 9;
    private const int TcpKeepAliveTime = 3, TcpKeepAliveInterval = 17, TcpKeepAliveRetryCount = 16;
    private const int TcpMaxRt = 5, TcpMaxRtMs = 14;
    private const int LinuxKeepIdle = 4, LinuxKeepIntvl = 5, LinuxKeepCnt = 6, LinuxUserTimeout = 18;
    private const int MacRxtConnDropTime = 0x80, FreeBsdMaxUnackTime = 68;
    private const int KeepAliveValuesIoctl = unchecked((int)0x98000004);

    /// <summary>
    /// The facts <paramref name="invocation"/> adds to the connection it targets, or null when it is not a
    /// keepalive call. The target is the receiver for Socket methods and the first connection argument otherwise.
    /// </summary>
    public static FlowFacts? Classify(IInvocationOperation invocation, AnalysisContextData data, System.Threading.CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var facts = data.Symbols.IsSocket(method.ContainingType) ? ClassifySocketMethod(invocation)
            : IsOurHelper(method, data.Symbols) || data.ConfigurationMethods.Contains(method.OriginalDefinition)
                ? new FlowFacts(Evidence.UserTimeout | Evidence.KeepAliveEnabled, KeepAliveLevel.Tuned)
                : (FlowFacts?)null;

        // Configuration that only runs on Windows leaves Linux and macOS on their 2-hour defaults.
        return facts is { } found && invocation.RunsOnlyOnWindows(data, cancellationToken) ? found.OnlyOnWindows() : facts;
    }

    private static bool IsOurHelper(IMethodSymbol method, KnownSymbols symbols) =>
        method.Name is "Configure" or "ConfigureTcpKeepAlive" &&
        (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.TcpKeepAlive) ||
         SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.TcpKeepAliveExtensions));

    private static FlowFacts? ClassifySocketMethod(IInvocationOperation invocation)
    {
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "SetSocketOption" when arguments.Length == 3:
                return (Constant(arguments[0].Value), Constant(arguments[1].Value)) switch
                {
                    (LevelSocket, KeepAlive) => IsOff(arguments[2].Value) ? null : new FlowFacts(Evidence.KeepAliveEnabled, KeepAliveLevel.DefaultTimings),
                    (LevelTcp, TcpKeepAliveTime or TcpKeepAliveInterval or TcpKeepAliveRetryCount) => new FlowFacts(Evidence.None, KeepAliveLevel.Tuned),
                    (LevelTcp, TcpMaxRt or TcpMaxRtMs) => new FlowFacts(Evidence.UserTimeout, KeepAliveLevel.None),
                    _ => null,
                };
            case "SetRawSocketOption" when arguments.Length == 3:
                return (Constant(arguments[0].Value), Constant(arguments[1].Value)) switch
                {
                    (LevelSolSocketLinux, SoKeepAliveLinux) => new FlowFacts(Evidence.KeepAliveEnabled, KeepAliveLevel.DefaultTimings),
                    (LevelTcp, LinuxUserTimeout or MacRxtConnDropTime or FreeBsdMaxUnackTime or TcpMaxRt or TcpMaxRtMs) =>
                        new FlowFacts(Evidence.UserTimeout, KeepAliveLevel.None),
                    (LevelTcp, LinuxKeepIdle or LinuxKeepIntvl or LinuxKeepCnt) => new FlowFacts(Evidence.None, KeepAliveLevel.Tuned),
                    _ => null,
                };
            case "IOControl" when arguments.Length >= 1 && Constant(arguments[0].Value) == KeepAliveValuesIoctl:
                return new FlowFacts(Evidence.KeepAliveEnabled, KeepAliveLevel.Tuned); // the struct's onoff field turns keepalive on
            default:
                return null;
        }
    }

    private static bool IsOff(IOperation value) =>
        value.WalkDownConversions().ConstantValue is { HasValue: true } constant &&
        constant.Value is false or 0;

    private static int? Constant(IOperation operation) =>
        operation.WalkDownConversions().ConstantValue is { HasValue: true } constant ? constant.Value switch
        {
            int value => value,
            uint value => unchecked((int)value),
            long value => unchecked((int)value),
            _ => null,
        } : null;
}
