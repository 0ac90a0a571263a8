using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KeepAliveAnalyzers.Benchmarks.Generation;
using KeepAliveAnalyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// Wall time of the compiler's GetDiagnostics against the analyzer driver with the empty analyzer and with every
/// KA analyzer, per code-base size. The driver's time includes the binding it forces, so the KA cost is
/// KaAnalyzers − EmptyAnalyzer; the telemetry ratio (RatioHarness, <c>ratios</c>) is the published figure.
/// Each operation takes seconds: few iterations, one invocation each.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalyzerBenchmarks
{
    private Compilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _ka;
    private ImmutableArray<DiagnosticAnalyzer> _empty;

    [Params(100, 1000, 5000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var codeBase = CodeBaseGenerator.Generate(Files);
        _compilation = Compilations.Create(codeBase);
        _ka = KaAssemblies.CreateAnalyzers();
        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        ExpectedCounts.CheckNoErrors(codeBase.Name, _compilation.GetDiagnostics());
        var run = AnalyzerRun.Execute(_compilation, _ka);
        ExpectedCounts.Check(codeBase, run.Diagnostics, run.Exceptions);
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> Compiler() => AnalyzerRun.CompilerDiagnostics(_compilation).Diagnostics;

    [Benchmark]
    public ImmutableArray<Diagnostic> EmptyAnalyzer() => AnalyzerRun.Execute(_compilation, _empty).Diagnostics;

    [Benchmark]
    public ImmutableArray<Diagnostic> KaAnalyzers() => AnalyzerRun.Execute(_compilation, _ka).Diagnostics;
}
