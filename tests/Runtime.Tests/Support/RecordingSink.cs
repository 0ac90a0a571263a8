using System;
using System.Collections.Generic;
using System.Net.Sockets;

namespace KeepAlive.Tests.Support;

/// <summary>One call the applier made on a sink.</summary>
internal readonly record struct SinkCall(string Kind, int Level, int Name, int Value, string Bytes = "")
{
    internal static SinkCall Option(SocketOptionLevel level, int name, int value) => new("option", (int)level, name, value);

    internal static SinkCall Raw(int level, int name, int value) => new("raw", level, name, value);

    internal static SinkCall KeepAliveValues(string bytes) => new("ioctl", 0, 0, 0, bytes);

    public override string ToString() => Kind == "ioctl" ? $"ioctl KeepAliveValues [{Bytes}]" : $"{Kind}({Level}, {Name}) = {Value}";
}

/// <summary>Plays any OS and records every call, so the Windows, macOS and FreeBSD paths can be checked on Linux.</summary>
internal sealed class RecordingSink : IKeepAliveOptionSink
{
    private readonly Dictionary<(string Kind, int Level, int Name), SocketError> _rejections = new();

    internal RecordingSink(OsKind os, int windowsBuild = 0, bool connected = true, bool listening = false)
    {
        Os = os;
        WindowsBuild = windowsBuild;
        IsConnected = connected;
        IsListening = listening;
    }

    public OsKind Os { get; }
    public int WindowsBuild { get; }
    public bool IsConnected { get; }
    public bool IsListening { get; }

    internal List<SinkCall> Calls { get; } = new();

    /// <summary>Makes the sink throw, as the OS would, when this option is set.</summary>
    internal RecordingSink Rejecting(string kind, int level, int name, SocketError error)
    {
        _rejections[(kind, level, name)] = error;
        return this;
    }

    public void SetOption(SocketOptionLevel level, SocketOptionName name, int value) =>
        Record(SinkCall.Option(level, (int)name, value));

    public void SetRawOption(int level, int name, int value) => Record(SinkCall.Raw(level, name, value));

    public void SetWindowsKeepAliveValues(ReadOnlySpan<byte> values) =>
        Record(SinkCall.KeepAliveValues(BitConverter.ToString(values.ToArray())));

    private void Record(SinkCall call)
    {
        if (_rejections.TryGetValue((call.Kind, call.Level, call.Name), out SocketError error)) throw new SocketException((int)error);
        Calls.Add(call);
    }
}
