using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KeepAliveAnalyzers.Benchmarks.Generation;
using KeepAliveAnalyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Benchmarks;

/// <summary>
/// The KA0001 code fix: one diagnostic in a 2,000-line file, and Fix All over 1,000 diagnostics in one project.
/// Every iteration gets a fresh workspace, compiled and analysed in IterationSetup (untimed).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CodeFixBenchmarks
{
    private const string Id = "KA0001";

    private readonly GeneratedFile _large = CodeBaseGenerator.LargeFileWithOneDiagnostic(2000);
    private readonly GeneratedCodeBase _fixAllCodeBase = CodeBaseGenerator.Generate(1001, CodeBaseShape.AllFixable);
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CodeFixProvider _provider = null!;
    private Project _project = null!;
    private ImmutableArray<Diagnostic> _diagnostics;
    private string? _equivalenceKey;

    [GlobalSetup]
    public void Setup()
    {
        _analyzers = KaAssemblies.CreateAnalyzers();
        _provider = CodeFixRunner.ProviderFor(Id);
    }

    [IterationSetup(Target = nameof(SingleFixIn2000LineFile))]
    public void SetupSingleFix() => Prepare(CodeBaseGenerator.Generate(100).Files.Append(_large), expected: null);

    [Benchmark]
    public Solution SingleFixIn2000LineFile()
    {
        var diagnostic = _diagnostics.Single(d => d.Location.SourceTree!.FilePath == _large.Path);
        var document = _project.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = CodeFixRunner.ActionsAsync(_provider, document, diagnostic).GetAwaiter().GetResult();
        return CodeFixRunner.ApplyAsync(actions[0], _project.Solution).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(FixAllOver1000Diagnostics))]
    public void SetupFixAll()
    {
        Prepare(_fixAllCodeBase.Files, expected: _fixAllCodeBase.Expected[Id]);
        var first = _project.GetDocument(_diagnostics[0].Location.SourceTree)!;
        _equivalenceKey = CodeFixRunner.ActionsAsync(_provider, first, _diagnostics[0]).GetAwaiter().GetResult()[0].EquivalenceKey;
    }

    [Benchmark]
    public Solution FixAllOver1000Diagnostics()
    {
        var context = new FixAllContext(_project, _provider, FixAllScope.Project, _equivalenceKey, new[] { Id }, new KnownDiagnostics(_diagnostics), default);
        var action = _provider.GetFixAllProvider()!.GetFixAsync(context).GetAwaiter().GetResult()!;
        return CodeFixRunner.ApplyAsync(action, _project.Solution).GetAwaiter().GetResult();
    }

    private void Prepare(System.Collections.Generic.IEnumerable<GeneratedFile> files, int? expected)
    {
        _project = Workspaces.CreateProject(files);
        var compilation = _project.GetCompilationAsync().GetAwaiter().GetResult()!;
        _diagnostics = AnalyzerRun.Execute(compilation, _analyzers).Diagnostics.Where(d => d.Id == Id).ToImmutableArray();
        if (expected is { } count && _diagnostics.Length != count)
        {
            throw new System.InvalidOperationException($"expected {count} × {Id}, got {_diagnostics.Length}");
        }
    }
}
