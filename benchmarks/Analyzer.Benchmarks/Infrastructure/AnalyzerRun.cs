using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

/// <summary>One analyzer pass over a fresh clone of a compilation, with the driver's per-analyzer telemetry.</summary>
public sealed class AnalyzerRun
{
    private AnalyzerRun(TimeSpan wall, TimeSpan cpu, IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> executionTimes, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions)
    {
        Wall = wall;
        Cpu = cpu;
        ExecutionTimes = executionTimes;
        Diagnostics = diagnostics;
        Exceptions = exceptions;
    }

    /// <summary>Wall time of GetAnalyzerDiagnosticsAsync: includes the compiler binding the driver forces.</summary>
    public TimeSpan Wall { get; }

    /// <summary>
    /// CPU time of the whole process during GetAnalyzerDiagnosticsAsync (all threads, GC included). Unlike wall-clock
    /// telemetry it does not grow when other processes take the cores, so it is the figure to trust on a busy machine.
    /// </summary>
    public TimeSpan Cpu { get; }

    /// <summary>Time inside each analyzer's callbacks, summed over threads (what kaeval and ReportAnalyzer show).</summary>
    public IReadOnlyDictionary<DiagnosticAnalyzer, TimeSpan> ExecutionTimes { get; }

    public TimeSpan ExecutionTime => TimeSpan.FromTicks(ExecutionTimes.Values.Sum(t => t.Ticks));

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Analyzer exceptions caught by the driver: must stay empty.</summary>
    public IReadOnlyList<string> Exceptions { get; }

    /// <summary>
    /// Runs <paramref name="analyzers"/> concurrently on a clone of <paramref name="compilation"/> (fresh symbols:
    /// nothing is bound yet, as in a build), the way csc and kaeval do.
    /// </summary>
    public static AnalyzerRun Execute(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, options);

        var cpu = ProcessCpu();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        stopwatch.Stop();
        cpu = ProcessCpu() - cpu;

        var times = analyzers.ToDictionary(
            a => a,
            a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, cancellationToken).GetAwaiter().GetResult().ExecutionTime);
        return new AnalyzerRun(stopwatch.Elapsed, cpu, times, diagnostics, exceptions.ToList());
    }

    /// <summary>Wall time of the compiler's own GetDiagnostics (declarations, bodies, flow analysis; no emit) on a fresh clone.</summary>
    public static (TimeSpan Time, TimeSpan Cpu, ImmutableArray<Diagnostic> Diagnostics) CompilerDiagnostics(Compilation compilation, CancellationToken cancellationToken = default)
    {
        var clone = compilation.Clone();
        var cpu = ProcessCpu();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = clone.GetDiagnostics(cancellationToken);
        stopwatch.Stop();
        return (stopwatch.Elapsed, ProcessCpu() - cpu, diagnostics);
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
