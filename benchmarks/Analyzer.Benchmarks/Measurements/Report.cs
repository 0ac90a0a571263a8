using System;
using System.IO;
using System.Text;

namespace KeepAliveAnalyzers.Benchmarks.Measurements;

/// <summary>Lines printed as they come and kept for the markdown file (--out).</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();

    public void Line(string line = "")
    {
        Console.WriteLine(line);
        _text.AppendLine(line);
    }

    public void Save(string? path)
    {
        if (path is not null)
        {
            File.WriteAllText(path, _text.ToString());
            Console.WriteLine($"written to {path}");
        }
    }

    public static string Machine() =>
        $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $".NET {Environment.Version}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}, load average {LoadAverage()}";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
}
