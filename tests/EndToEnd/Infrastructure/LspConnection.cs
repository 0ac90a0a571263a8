using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>A JSON-RPC error answer from the server (LSP <c>ResponseError</c>).</summary>
public sealed class LspErrorException : Exception
{
    public LspErrorException(string method, int code, string message)
        : base($"'{method}' answered error {code}: {message}")
    {
        Method = method;
        Code = code;
    }

    public string Method { get; }

    public int Code { get; }
}

/// <summary>
/// The client side of a language server started as a child process: JSON-RPC 2.0 over its stdin/stdout with LSP's
/// <c>Content-Length</c> framing (System.Text.Json, no LSP library). Server-to-client requests are answered by the
/// handler given to <see cref="Start"/>; notifications are kept; stderr is captured. Every wait has a time limit, and
/// <see cref="Dispose"/> kills the process tree if the server is still running.
/// </summary>
public sealed class LspConnection : IDisposable
{
    private const int TranscriptLimit = 400;
    private readonly Process _process;
    private Stream _toServer = Stream.Null;
    private readonly Func<string, JsonElement, object?> _onServerRequest;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<int, (string Method, TaskCompletionSource<JsonElement> Completion)> _pending = new();
    private readonly List<(string Method, JsonElement Params)> _notifications = new();
    private readonly List<(string Method, JsonElement Params)> _serverRequests = new();
    private readonly Queue<string> _transcript = new();
    private readonly StringBuilder _stderr = new();
    private readonly Thread _reader;
    private int _nextId;
    private volatile string? _closedReason;

    private LspConnection(Process process, Func<string, JsonElement, object?> onServerRequest)
    {
        _process = process;
        _onServerRequest = onServerRequest;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "LSP reader" };
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the server wrote to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Notifications the server sent (window/logMessage, $/progress, publishDiagnostics, ...).</summary>
    public IReadOnlyList<(string Method, JsonElement Params)> Notifications
    {
        get
        {
            lock (_notifications)
            {
                return _notifications.ToList();
            }
        }
    }

    /// <summary>Requests the server sent to the client (workspace/configuration, client/registerCapability, ...).</summary>
    public IReadOnlyList<(string Method, JsonElement Params)> ServerRequests
    {
        get
        {
            lock (_serverRequests)
            {
                return _serverRequests.ToList();
            }
        }
    }

    /// <summary>The last messages in both directions (truncated), the server's stderr tail and its state: for failure messages.</summary>
    public string Describe()
    {
        string[] transcript;
        lock (_transcript)
        {
            transcript = _transcript.ToArray();
        }

        var stderr = StandardError;
        var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : "running";
        return $"server {state}{(_closedReason is { } reason ? $" ({reason})" : "")}\n--- last messages ---\n"
            + string.Join("\n", transcript.TakeLast(40))
            + "\n--- stderr (tail) ---\n" + (stderr.Length > 6000 ? stderr.Substring(stderr.Length - 6000) : stderr);
    }

    /// <summary>Starts <paramref name="executable"/> with the given environment (on top of this process's, minus the variables in <paramref name="removeVariables"/>).</summary>
    public static LspConnection Start(
        string executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Func<string, bool> removeVariables,
        Func<string, JsonElement, object?> onServerRequest)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(removeVariables).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var connection = new LspConnection(process, onServerRequest);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (connection._stderr)
                {
                    connection._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        connection._toServer = process.StandardInput.BaseStream;
        process.BeginErrorReadLine();
        connection._reader.Start();
        return connection;
    }

    /// <summary>Sends a request and waits for its answer: the result, or <see cref="LspErrorException"/> for an error answer.</summary>
    public JsonElement Request(string method, object? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (method, completion);
        if (_closedReason is { } closed)
        {
            _pending.TryRemove(id, out _);
            throw new InvalidOperationException($"'{method}' not sent: {closed}.\n{Describe()}");
        }

        Send(new { jsonrpc = "2.0", id, method, @params = parameters });
        if (!completion.Task.Wait(timeout))
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"'{method}' got no answer within {timeout.TotalSeconds:F0} s.\n{Describe()}");
        }

        return completion.Task.IsFaulted ? throw completion.Task.Exception!.InnerException! : completion.Task.Result;
    }

    public void Notify(string method, object? parameters) => Send(new { jsonrpc = "2.0", method, @params = parameters });

    /// <summary>LSP's orderly end: <c>shutdown</c>, then <c>exit</c>; returns the exit code, or null if the server did not exit in time.</summary>
    public int? Shutdown(TimeSpan timeout)
    {
        Request("shutdown", null, timeout);
        Notify("exit", null);
        return _process.WaitForExit((int)timeout.TotalMilliseconds) ? _process.ExitCode : null;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Send(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        Record(">> ", body);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            try
            {
                _toServer.Write(header);
                _toServer.Write(body);
                _toServer.Flush();
            }
            catch (IOException exception)
            {
                throw new InvalidOperationException($"Could not write to the server: {exception.Message}\n{Describe()}", exception);
            }
        }
    }

    private void ReadLoop()
    {
        var fromServer = _process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(fromServer) is { } body)
            {
                Record("<< ", body);
                using var document = JsonDocument.Parse(body);
                Dispatch(document.RootElement.Clone());
            }

            _closedReason = "the server closed its output";
        }
        catch (Exception exception) when (exception is IOException or JsonException or FormatException or ObjectDisposedException)
        {
            _closedReason = $"reading from the server failed: {exception.GetType().Name}: {exception.Message}";
        }

        foreach (var id in _pending.Keys.ToList())
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Completion.TrySetException(new InvalidOperationException($"'{pending.Method}' unanswered: {_closedReason}."));
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        var hasMethod = message.TryGetProperty("method", out var methodElement);
        var hasId = message.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
        var parameters = message.TryGetProperty("params", out var p) ? p : default;
        if (hasMethod && hasId)
        {
            var method = methodElement.GetString() ?? "";
            lock (_serverRequests)
            {
                _serverRequests.Add((method, parameters));
            }

            object reply;
            try
            {
                reply = new { jsonrpc = "2.0", id, result = _onServerRequest(method, parameters) };
            }
            catch (Exception exception)
            {
                reply = new { jsonrpc = "2.0", id, error = new { code = -32603, message = exception.Message } };
            }

            Send(reply);
        }
        else if (hasMethod)
        {
            lock (_notifications)
            {
                _notifications.Add((methodElement.GetString() ?? "", parameters));
            }
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt32(), out var pending))
        {
            if (message.TryGetProperty("error", out var error))
            {
                pending.Completion.TrySetException(new LspErrorException(
                    pending.Method,
                    error.TryGetProperty("code", out var code) ? code.GetInt32() : 0,
                    error.TryGetProperty("message", out var text) ? text.GetString() ?? "" : ""));
            }
            else
            {
                pending.Completion.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }

    /// <summary>One framed message body, or null at the end of the stream.</summary>
    private static byte[]? ReadMessage(Stream stream)
    {
        int? length = null;
        while (true)
        {
            var line = ReadHeaderLine(stream);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.Substring(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.Substring(colon + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (length is not { } size)
        {
            throw new FormatException("a message header without Content-Length");
        }

        var body = new byte[size];
        stream.ReadExactly(body);
        return body;
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var next = stream.ReadByte();
            if (next < 0)
            {
                return bytes.Count == 0 ? null : throw new EndOfStreamException("the stream ended inside a header");
            }

            if (next == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)next);
        }
    }

    private void Record(string direction, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        lock (_transcript)
        {
            _transcript.Enqueue(direction + (text.Length > 600 ? text.Substring(0, 600) + "…" : text));
            while (_transcript.Count > TranscriptLimit)
            {
                _transcript.Dequeue();
            }
        }
    }
}
