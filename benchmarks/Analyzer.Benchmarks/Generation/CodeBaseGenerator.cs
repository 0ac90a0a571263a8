using System;
using System.Collections.Generic;

namespace KeepAliveAnalyzers.Benchmarks.Generation;

/// <summary>
/// Deterministic code bases: the same size and shape always give the same text, so figures taken on different
/// days or machines compare. Which file gets which template depends only on its index.
/// </summary>
public static class CodeBaseGenerator
{
    /// <summary>Every tenth file holds socket code; every hundredth is generated code (socket code the analyzers must skip).</summary>
    private const int SocketEvery = 10, SocketOffset = 7, GeneratedEvery = 100, GeneratedOffset = 42;

    public static GeneratedCodeBase Generate(int fileCount, CodeBaseShape shape = CodeBaseShape.Realistic)
    {
        var files = new List<GeneratedFile>(fileCount) { PlainFiles.Common() };
        for (var i = 1; i < fileCount; i++)
        {
            files.Add(shape switch
            {
                CodeBaseShape.AllFixable => SocketFiles.Create(i % 2 == 0 ? SocketFileKind.LongLivedSocket : SocketFileKind.AcceptLoop, i),
                CodeBaseShape.Realistic when i % GeneratedEvery == GeneratedOffset => SocketFiles.Generated(i),
                CodeBaseShape.Realistic when i % SocketEvery == SocketOffset => SocketFiles.Create(SocketFiles.KindFor(i / SocketEvery), i),
                _ => PlainFiles.Create(i),
            });
        }

        return new GeneratedCodeBase($"{shape} {fileCount} files", files);
    }

    /// <summary>
    /// One file of about <paramref name="lines"/> lines: plain classes with a single long-lived, unconfigured socket in
    /// the middle (one KA0001 the code fix can fix), the workload of the single code fix.
    /// </summary>
    public static GeneratedFile LargeFileWithOneDiagnostic(int lines)
    {
        var text = new System.Text.StringBuilder();
        // No "using KeepAlive;": the fix adds it.
        foreach (var name in new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net", "System.Net.Sockets", "System.Text", "System.Threading", "System.Threading.Tasks", "Gen.Domain" })
        {
            text.Append("using ").Append(name).AppendLine(";");
        }

        text.AppendLine().AppendLine("namespace Gen.Large;").AppendLine();
        var index = 100_000;
        var socketWritten = false;
        while (Count(text) < lines)
        {
            if (!socketWritten && Count(text) >= lines / 2)
            {
                text.Append(SocketFiles.Body(SocketFileKind.LongLivedSocket, index++));
                socketWritten = true;
            }

            text.Append(PlainFiles.Body(index++)).AppendLine();
        }

        return new GeneratedFile("Large/LargeFile.cs", text.ToString(), new Dictionary<string, int> { ["KA0001"] = 1 });
    }

    private static int Count(System.Text.StringBuilder text)
    {
        var lines = 0;
        foreach (var chunk in text.GetChunks())
        {
            lines += chunk.Span.Count('\n');
        }

        return lines;
    }
}
