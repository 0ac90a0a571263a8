using System;
using System.Net.Sockets;
#if !NET
using System.Reflection;
using System.Runtime.InteropServices;
#endif

namespace KeepAlive;

/// <summary>setsockopt with a 4-byte int, for options .NET does not map (TCP_USER_TIMEOUT and its BSD cousins).</summary>
internal static unsafe class RawSocketOption
{
#if NET
    internal static void Set(Socket socket, int level, int name, int value) =>
        socket.SetRawSocketOption(level, name, new ReadOnlySpan<byte>(&value, sizeof(int)));
#else
    private delegate void ManagedSetter(Socket socket, int level, int name, ReadOnlySpan<byte> value);

    /// <summary>Socket.SetRawSocketOption when the running runtime has it (.NET 5+), bound once; otherwise null.</summary>
    private static readonly ManagedSetter? Managed = BindManagedSetter();

    internal static bool HasManagedSetter => Managed is not null;

    internal static void Set(Socket socket, int level, int name, int value)
    {
        if (Managed is { } managed) managed(socket, level, name, new ReadOnlySpan<byte>(&value, sizeof(int)));
        else SetWithLibc(socket, level, name, value);
    }

    private static ManagedSetter? BindManagedSetter()
    {
        MethodInfo? method = typeof(Socket).GetMethod(
            "SetRawSocketOption", new[] { typeof(int), typeof(int), typeof(ReadOnlySpan<byte>) });
        return method is null
            ? null
            : (ManagedSetter?)Delegate.CreateDelegate(typeof(ManagedSetter), method, throwOnBindFailure: false);
    }

    /// <summary>The fallback for runtimes before .NET 5 on Unix (only used on connected or listening sockets: it reads Handle).</summary>
    internal static void SetWithLibc(Socket socket, int level, int name, int value)
    {
        int fd = checked((int)socket.Handle.ToInt64());
        if (setsockopt(fd, level, name, &value, sizeof(int)) != 0)
            throw new SocketException((int)ToSocketError(Marshal.GetLastWin32Error()));
    }

    /// <summary>Translates the errno values the caller tells apart; they differ between Linux and the BSDs.</summary>
    private static SocketError ToSocketError(int errno) => errno switch
    {
        22 => SocketError.InvalidArgument, // EINVAL everywhere
        92 when PlatformFacts.Os == OsKind.Linux => SocketError.ProtocolOption, // ENOPROTOOPT
        95 when PlatformFacts.Os == OsKind.Linux => SocketError.OperationNotSupported, // EOPNOTSUPP
        42 when PlatformFacts.Os != OsKind.Linux => SocketError.ProtocolOption, // BSD ENOPROTOOPT
        45 when PlatformFacts.Os != OsKind.Linux => SocketError.OperationNotSupported, // BSD EOPNOTSUPP
        102 when PlatformFacts.Os == OsKind.MacOS => SocketError.OperationNotSupported, // macOS EOPNOTSUPP
        _ => SocketError.SocketError,
    };

    [DllImport("libc", SetLastError = true)]
    private static extern int setsockopt(int socket, int level, int optionName, void* optionValue, uint optionLength);
#endif
}
