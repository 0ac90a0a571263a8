using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KeepAliveAnalyzers.Benchmarks.Generation;
using KeepAliveAnalyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Measurements;

/// <summary>
/// The headline figure, measured the way kaeval does it: analyzer telemetry time ÷ the compiler's own warm
/// GetDiagnostics time on the same code, median of several runs on fresh clones, per code-base size.
/// </summary>
internal static class RatioHarness
{
    private const double RatioTarget = 0.03, LinearityTarget = 5.5;

    /// <param name="rules">Only these KA rules (null: all), hosted by the shipped analyzer, to measure one rule on its own.</param>
    public static void Run(IReadOnlyList<int> sizes, int runs, IReadOnlyCollection<string>? rules, Report report)
    {
        var ka = rules is null
            ? KaAssemblies.CreateAnalyzers()
            : ImmutableArray.Create<DiagnosticAnalyzer>(KeepAliveAnalyzer.WithRules(rules.ToArray()));
        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        var naive = ImmutableArray.Create<DiagnosticAnalyzer>(new NaiveAnalyzer());
        report.Line($"machine: {Report.Machine()}");
        report.Line($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; references: {References.Description}");
        report.Line($"KA analyzers: {string.Join("; ", ka.Select(KaAssemblies.NameOf))}");
        report.Line($"runs per figure: {runs} (median), each on a fresh Compilation.Clone(); jitting done on a 100-file warm-up");
        report.Line();

        Measure(CodeBaseGenerator.Generate(100), 1, ka, empty, naive, report: null); // warm-up: jit Roslyn and the analyzers

        report.Line("Columns: compiler warm = wall of Compilation.GetDiagnostics() on a fresh clone; KA/empty ms = analyzer telemetry " +
                    "(time inside the callbacks, summed over threads, incl. binding they trigger first); ratio = that ÷ compiler warm " +
                    "(kaeval's figure); naive = one rule asking GetTypeInfo on every object creation; KA CPU ratio = process CPU of the " +
                    "KA driver run minus that of the empty-analyzer run, ÷ the compiler's CPU (robust to other load on the machine).");
        report.Line();

        report.Line("| code base | files | lines | socket files | compiler warm ms | KA ms | KA ratio | empty ms | empty ratio | naive ratio | KA wall − empty wall ms | compiler CPU ms | KA CPU ratio | diagnostics (asserted) |");
        report.Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var results = new Dictionary<string, Result>();
        foreach (var size in sizes)
        {
            results[$"{size}"] = Measure(CodeBaseGenerator.Generate(size), runs, ka, empty, naive, report);
        }

        var plainSize = sizes.Contains(1000) ? 1000 : sizes.Max();
        var plain = Measure(CodeBaseGenerator.Generate(plainSize, CodeBaseShape.NoSockets), runs, ka, empty, naive, report);
        report.Line();

        report.Line("per KA analyzer (median telemetry ms; the first rule to ask for a connection's assessment pays for it):");
        foreach (var (name, result) in results.Append(new KeyValuePair<string, Result>($"{plainSize} no sockets", plain)))
        {
            report.Line($"  {name}: " + string.Join(", ", result.PerAnalyzer.Select(p => $"{p.Key} {Stats.Ms(p.Value)}")));
        }

        report.Line();
        report.Line("targets:");
        foreach (var (name, result) in results)
        {
            report.Line($"  KA ratio ≤ {RatioTarget} on {name} files: telemetry {Stats.Ratio(result.KaRatio)} {Verdict(result.KaRatio <= RatioTarget)}; " +
                        $"CPU {Stats.Ratio(result.KaCpuRatio)} {Verdict(result.KaCpuRatio <= RatioTarget)}");
        }

        if (results.TryGetValue("1000", out var thousand) && results.TryGetValue("5000", out var fiveThousand))
        {
            var growth = fiveThousand.Ka.TotalMilliseconds / thousand.Ka.TotalMilliseconds;
            var compilerGrowth = fiveThousand.CompilerWarm.TotalMilliseconds / thousand.CompilerWarm.TotalMilliseconds;
            var cpuGrowth = fiveThousand.KaCpuOverEmpty / thousand.KaCpuOverEmpty;
            report.Line($"  KA time 5,000 files ≤ {LinearityTarget} × 1,000 files: telemetry {growth:0.00}× {Verdict(growth <= LinearityTarget)}; " +
                        $"CPU {cpuGrowth:0.00}× {Verdict(cpuGrowth <= LinearityTarget)} (compiler: {compilerGrowth:0.00}×)");
        }

        var perFile = plain.Ka.TotalMilliseconds * 1000 / plainSize;
        var emptyPerFile = plain.Empty.TotalMilliseconds * 1000 / plainSize;
        report.Line($"  a file without sockets: {perFile:0.0} µs of KA time per file (empty analyzer: {emptyPerFile:0.0} µs), ratio {Stats.Ratio(plain.KaRatio)}; " +
                    $"CPU beyond the empty analyzer {plain.KaCpuOverEmpty.TotalMilliseconds * 1000 / plainSize:0.0} µs per file, ratio {Stats.Ratio(plain.KaCpuRatio)}");
        report.Line("  generated code skipped: asserted (1% of the files are generated socket code; no KA diagnostic there)");
    }

    private static string Verdict(bool met) => met ? "MET" : "MISSED";

    private static Result Measure(GeneratedCodeBase codeBase, int runs, ImmutableArray<DiagnosticAnalyzer> ka,
        ImmutableArray<DiagnosticAnalyzer> empty, ImmutableArray<DiagnosticAnalyzer> naive, Report? report)
    {
        var compilation = Compilations.Create(codeBase);
        var (_, _, compilerDiagnostics) = AnalyzerRun.CompilerDiagnostics(compilation);
        ExpectedCounts.CheckNoErrors(codeBase.Name, compilerDiagnostics);

        var compilerRuns = new List<(TimeSpan Time, TimeSpan Cpu)>();
        var kaRuns = new List<AnalyzerRun>();
        var emptyRuns = new List<AnalyzerRun>();
        var naiveRuns = new List<AnalyzerRun>();
        for (var run = 0; run < runs; run++)
        {
            Stats.Collect();
            var compiler = AnalyzerRun.CompilerDiagnostics(compilation);
            compilerRuns.Add((compiler.Time, compiler.Cpu));
            Stats.Collect();
            kaRuns.Add(AnalyzerRun.Execute(compilation, ka));
            ExpectedCounts.Check(codeBase, kaRuns[^1].Diagnostics, kaRuns[^1].Exceptions, ka);
            Stats.Collect();
            emptyRuns.Add(AnalyzerRun.Execute(compilation, empty));
            Stats.Collect();
            naiveRuns.Add(AnalyzerRun.Execute(compilation, naive));
        }

        var result = new Result(
            Stats.Median(compilerRuns.Select(r => r.Time)),
            Stats.Median(compilerRuns.Select(r => r.Cpu)),
            Stats.Median(kaRuns.Select(r => r.Cpu)) - Stats.Median(emptyRuns.Select(r => r.Cpu)),
            Stats.Median(kaRuns.Select(r => r.ExecutionTime)),
            Stats.Median(emptyRuns.Select(r => r.ExecutionTime)),
            Stats.Median(naiveRuns.Select(r => r.ExecutionTime)),
            Stats.Median(kaRuns.Select(r => r.Wall)) - Stats.Median(emptyRuns.Select(r => r.Wall)),
            ka.ToDictionary(KaAssemblies.NameOf, a => Stats.Median(kaRuns.Select(r => r.ExecutionTimes[a]))));
        report?.Line($"| {codeBase.Name} | {codeBase.Files.Count} | {codeBase.Lines} | {codeBase.SocketFiles} | {Stats.Ms(result.CompilerWarm)} | " +
                     $"{Stats.Ms(result.Ka)} | {Stats.Ratio(result.KaRatio)} | {Stats.Ms(result.Empty)} | {Stats.Ratio(result.Empty / result.CompilerWarm)} | " +
                     $"{Stats.Ratio(result.Naive / result.CompilerWarm)} | {Stats.Ms(result.WallDifference)} | {Stats.Ms(result.CompilerCpu)} | {Stats.Ratio(result.KaCpuRatio)} | {ExpectedCounts.Describe(codeBase.Expected)} |");
        return result;
    }

    private sealed record Result(TimeSpan CompilerWarm, TimeSpan CompilerCpu, TimeSpan KaCpuOverEmpty, TimeSpan Ka, TimeSpan Empty, TimeSpan Naive, TimeSpan WallDifference, Dictionary<string, TimeSpan> PerAnalyzer)
    {
        public double KaRatio => Ka / CompilerWarm;

        /// <summary>CPU the KA driver run took beyond the empty-analyzer run, over the compiler's CPU: robust to other load, noisier on small code.</summary>
        public double KaCpuRatio => KaCpuOverEmpty / CompilerCpu;
    }
}
