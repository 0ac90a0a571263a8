using KeepAlive.Tests.Support;

namespace KeepAlive.Tests;

internal static class Sinks
{
    internal static TcpKeepAliveResult Apply(RecordingSink sink, TcpKeepAliveOptions? options = null) =>
        KeepAliveApplier.Apply(sink, KeepAliveSettings.Validate((options ?? new TcpKeepAliveOptions()).Read(), sink.Os));

    internal static TcpKeepAliveResult Result(
        TcpKeepAliveOptionStatus keepAlive, TcpKeepAliveOptionStatus idle, TcpKeepAliveOptionStatus interval,
        TcpKeepAliveOptionStatus probeCount, TcpKeepAliveOptionStatus userTimeout) =>
        new(keepAlive, idle, interval, probeCount, userTimeout);
}
