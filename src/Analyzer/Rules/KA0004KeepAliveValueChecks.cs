using System.Collections.Immutable;
using System.Threading;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static KeepAliveAnalyzers.Engine.Sockets.SocketOptionCall;

namespace KeepAliveAnalyzers.Rules;

/// <summary>What KA0004 reports about one call: where, the three message parts, and the fix it allows.</summary>
internal sealed class KA0004Finding
{
    public KA0004Finding(IOperation at, string subject, string problem, string advice, ImmutableDictionary<string, string?>? properties = null)
    {
        At = at;
        Subject = subject;
        Problem = problem;
        Advice = advice;
        Properties = properties ?? ImmutableDictionary<string, string?>.Empty;
    }

    public IOperation At { get; }
    public string Subject { get; }
    public string Problem { get; }
    public string Advice { get; }
    public ImmutableDictionary<string, string?> Properties { get; }
}

/// <summary>The KA0004 checks; numbers and their meaning per OS are in docs/socket-options.md §1, §2.3 and §6 (P4, P5, P8, P9).</summary>
internal static class KA0004KeepAliveValueChecks
{
    private const int MaxSeconds = 32767; // Linux MAX_TCP_KEEPIDLE / MAX_TCP_KEEPINTVL
    private const int MaxProbesLinux = 127, MaxProbesWindows = 255;

    public static KA0004Finding? Check(SocketOptionCall call, ConnectionsContext data, CancellationToken cancellationToken) => call.Kind switch
    {
        SocketOptionCallKind.SetInt or SocketOptionCallKind.SetBool => WrongLevel(call) ?? KeepAliveTiming(call),
        SocketOptionCallKind.SetRaw => UserTimeoutInSeconds(call, data, cancellationToken),
        SocketOptionCallKind.KeepAliveValues => KeepAliveValuesInSeconds(call),
        _ => null,
    };

    private static string? TimingOption(long? name) => name switch
    {
        TcpKeepAliveTime => "TcpKeepAliveTime",
        TcpKeepAliveInterval => "TcpKeepAliveInterval",
        TcpKeepAliveRetryCount => "TcpKeepAliveRetryCount",
        _ => null,
    };

    /// <summary>A keepalive option named at a level where its number is another option, or none.</summary>
    private static KA0004Finding? WrongLevel(SocketOptionCall call)
    {
        if (call.Level is not { } level || call.LevelArgument is not { } levelArgument || call.NamedMember is not { } member)
        {
            return null;
        }

        var (expected, expectedName) = member switch
        {
            "TcpKeepAliveTime" or "TcpKeepAliveInterval" or "TcpKeepAliveRetryCount" => (LevelTcp, "Tcp"),
            "KeepAlive" => (LevelSocket, "Socket"),
            _ => (level, ""),
        };
        if (level == expected)
        {
            return null;
        }

        var effect = (level, call.Name) switch
        {
            (LevelIP, TcpKeepAliveTime) => "is TypeOfService there: it silently sets IP_TOS instead of the keepalive idle time",
            (LevelIP, TcpKeepAliveInterval) => "is BlockSource there, not the keepalive interval",
            (LevelIP, TcpKeepAliveRetryCount) => "is DropSourceMembership there, not the keepalive probe count",
            (LevelSocket, TcpKeepAliveRetryCount) => "is DontRoute there, not the keepalive probe count",
            (LevelSocket, _) => "is no socket-level option: Linux throws OperationNotSupported",
            (LevelTcp, KeepAlive) => "is no TCP-level option: Linux throws OperationNotSupported",
            _ => "is not this option at that level",
        };
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(KA0004WrongKeepAliveValue.FixProperty, KA0004WrongKeepAliveValue.FixLevel)
            .Add(KA0004WrongKeepAliveValue.ReplacementProperty, expectedName);
        return new KA0004Finding(
            levelArgument.Value,
            $"SocketOptionName.{member} at SocketOptionLevel.{LevelName(level)}",
            effect,
            $"use SocketOptionLevel.{expectedName}",
            properties);
    }

    private static string LevelName(long level) => level switch
    {
        LevelIP => "IP",
        LevelTcp => "Tcp",
        LevelUdp => "Udp",
        LevelIPv6 => "IPv6",
        LevelSocket => "Socket",
        _ => "(" + level + ")",
    };

    /// <summary>SetSocketOption(Tcp, TcpKeepAliveTime / Interval / RetryCount or the casts 3 / 17 / 16, value).</summary>
    private static KA0004Finding? KeepAliveTiming(SocketOptionCall call)
    {
        if (call.Level != LevelTcp || TimingOption(call.Name) is not { } option)
        {
            return null;
        }

        if (call.Kind == SocketOptionCallKind.SetBool)
        {
            return BoolOverload(call, option);
        }

        if (ConstantEvaluator.TryGetInteger(call.ValueArgument.Value) is not { } value)
        {
            return null;
        }

        var subject = option + " " + value;
        var at = call.ValueArgument.Value;
        if (call.Name == TcpKeepAliveRetryCount)
        {
            return value is < 1 or > MaxProbesLinux
                ? new KA0004Finding(at, subject, $"is out of range: Linux accepts 1 to {MaxProbesLinux} probes and throws InvalidArgument (Windows accepts up to {MaxProbesWindows})", $"use a probe count from 1 to {MaxProbesLinux}")
                : null;
        }

        if (value < 1)
        {
            return new KA0004Finding(at, subject, $"is out of range: Linux accepts 1 to {MaxSeconds} seconds and throws InvalidArgument", "pass a number of seconds");
        }

        return LooksLikeMilliseconds(value) ? MillisecondsAsSeconds(call, subject, value) : null;
    }

    /// <summary>
    /// 1000 or more, and either above the Linux maximum, a whole number of thousands (30000, 5000) or not a whole number of
    /// minutes (2500). Whole minutes such as 1800, 3600 or 7200 are plausible seconds (30 min, 1 h, the 2 h default), so they pass.
    /// </summary>
    private static bool LooksLikeMilliseconds(long value) =>
        value >= 1000 && (value > MaxSeconds || value % 1000 == 0 || value % 60 != 0);

    private static KA0004Finding MillisecondsAsSeconds(SocketOptionCall call, string subject, long value)
    {
        var meant = DurationText.Seconds(value / 1000.0);
        var problem = value > MaxSeconds
            ? $"is out of range: Linux accepts 1 to {MaxSeconds} seconds and throws InvalidArgument"
            : $"is in seconds: {DurationText.Seconds(value)}";
        var properties = value % 1000 == 0 && IsNumericLiteral(call.ValueArgument.Value)
            ? ImmutableDictionary<string, string?>.Empty
                .Add(KA0004WrongKeepAliveValue.FixProperty, KA0004WrongKeepAliveValue.FixToSeconds)
                .Add(KA0004WrongKeepAliveValue.ReplacementProperty, (value / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        return new KA0004Finding(call.ValueArgument.Value, subject, problem, $"did you mean {meant}?", properties);
    }

    /// <summary>Only a literal is rewritten by the fix: a named constant may be used elsewhere in its own unit.</summary>
    private static bool IsNumericLiteral(IOperation value) =>
        value.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression);

    /// <summary>SetSocketOption(Tcp, TcpKeepAliveTime, true): the bool overload passes 1 or 0. No fix: the intended value is unknown.</summary>
    private static KA0004Finding BoolOverload(SocketOptionCall call, string option)
    {
        var constant = call.ValueArgument.Value.WalkDownConversions().ConstantValue;
        var one = call.Name == TcpKeepAliveRetryCount ? "1 probe" : "1 s";
        var problem = constant is { HasValue: true, Value: bool flag }
            ? flag ? $"uses the bool overload, which passes 1: {one}" : "uses the bool overload, which passes 0: Linux throws InvalidArgument"
            : $"uses the bool overload, which passes 1 ({one}) or 0 (rejected), not on/off";
        var advice = call.Name == TcpKeepAliveRetryCount
            ? "pass a probe count; SO_KEEPALIVE is SocketOptionLevel.Socket, SocketOptionName.KeepAlive"
            : "pass a number of seconds; SO_KEEPALIVE is SocketOptionLevel.Socket, SocketOptionName.KeepAlive";
        var text = constant is { HasValue: true, Value: bool value } ? (value ? "true" : "false") : "with a bool";
        return new KA0004Finding(call.ValueArgument.Value, option + " " + text, problem, advice);
    }

    /// <summary>
    /// SetRawSocketOption(6, 18, bytes) with 1 to 999: TCP_USER_TIMEOUT is in milliseconds, so seconds were meant. Skipped
    /// under a Windows check, where (6, 18) is TCP_FAIL_CONNECT_ON_ICMP_ERROR (docs/socket-options.md §1.5).
    /// </summary>
    private static KA0004Finding? UserTimeoutInSeconds(SocketOptionCall call, ConnectionsContext data, CancellationToken cancellationToken)
    {
        if (call.Level != LevelTcp || call.Name != LinuxUserTimeout || call.Invocation.CanRunOnlyOnWindows(data.Platform, cancellationToken) ||
            ConstantBytes.TryGet(call.ValueArgument.Value, call.Invocation) is not { } image ||
            image.Length is < 4 || image.ReadUInt32(0) is not { } raw)
        {
            return null;
        }

        var value = unchecked((int)raw);
        var subject = "TCP_USER_TIMEOUT " + value;
        return value switch
        {
            < 0 => new KA0004Finding(call.ValueArgument.Value, subject, "is negative: Linux throws InvalidArgument", "pass milliseconds, or 0 for the system default"),
            >= 1 and < 1000 => new KA0004Finding(call.ValueArgument.Value, subject, $"is in milliseconds: {value} ms", $"did you mean {value} s ({value * 1000})?"),
            _ => null,
        };
    }

    /// <summary>
    /// IOControl(KeepAliveValues, bytes): tcp_keepalive { onoff, keepalivetime ms, keepaliveinterval ms }. A time of 1 to 999 ms
    /// is seconds written as milliseconds (no useful idle time is below a second). The interval alone is not judged: a
    /// 500 ms interval after a 60000 ms idle time is a consistent choice in milliseconds.
    /// </summary>
    private static KA0004Finding? KeepAliveValuesInSeconds(SocketOptionCall call)
    {
        if (ConstantBytes.TryGet(call.ValueArgument.Value, call.Invocation) is not { } image || image.ReadUInt32(0) == 0 ||
            image.ReadUInt32(4) is not { } time || time is 0 or >= 1000)
        {
            return null;
        }

        if (image.ReadUInt32(8) is { } interval and > 0 and < 1000)
        {
            return new KA0004Finding(
                call.ValueArgument.Value,
                $"KeepAliveValues time {time} and interval {interval}",
                $"are in milliseconds: {time} ms and {interval} ms",
                $"did you mean {time} s and {interval} s ({time * 1000} and {interval * 1000})?");
        }

        return new KA0004Finding(call.ValueArgument.Value, $"KeepAliveValues time {time}", $"is in milliseconds: {time} ms", $"did you mean {time} s ({time * 1000})?");
    }
}
