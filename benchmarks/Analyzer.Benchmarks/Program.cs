using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using KeepAliveAnalyzers.Benchmarks.Generation;
using KeepAliveAnalyzers.Benchmarks.Measurements;

namespace KeepAliveAnalyzers.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Analyzer.Benchmarks -- COMMAND</c>:
/// <list type="bullet">
/// <item><c>ratios [--sizes 100,1000,5000] [--runs 3] [--rules KA0001,KA0005] [--out FILE.md]</c>: analyzer time ÷ compiler time per size (the published figures).</item>
/// <item><c>codefix [--runs 5] [--out FILE.md]</c>: one fix in a 2,000-line file, Fix All over 1,000 diagnostics.</item>
/// <item><c>generate --files N --out DIR [--shape Realistic|NoSockets|AllFixable]</c>: writes a code base as .cs files.</item>
/// <item><c>bdn [BenchmarkDotNet arguments]</c>: the same workloads as BenchmarkDotNet benchmarks.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: ratios | codefix | generate | bdn (see Program.cs)");
            return 2;
        }

        var options = Options(args.Skip(1).ToArray());
        var report = new Report();
        switch (args[0])
        {
            case "ratios":
                RatioHarness.Run(Sizes(options.GetValueOrDefault("sizes", "100,1000,5000")), int.Parse(options.GetValueOrDefault("runs", "3")),
                    options.TryGetValue("rules", out var rules) ? rules.Split(',') : null, report);
                report.Save(options.GetValueOrDefault("out"));
                return 0;
            case "codefix":
                CodeFixHarness.Run(int.Parse(options.GetValueOrDefault("runs", "5")), report);
                report.Save(options.GetValueOrDefault("out"));
                return 0;
            case "generate":
                var shape = Enum.Parse<CodeBaseShape>(options.GetValueOrDefault("shape", nameof(CodeBaseShape.Realistic)));
                var codeBase = CodeBaseGenerator.Generate(int.Parse(options["files"]), shape);
                CodeBaseWriter.Write(codeBase, options["out"]);
                Console.WriteLine($"{codeBase.Name}: {codeBase.Lines} lines written to {options["out"]}; expected {Infrastructure.ExpectedCounts.Describe(codeBase.Expected)}");
                return 0;
            case "bdn":
                // The generated boilerplate project rebuilds the analyzer, code fixes and runtime: far over the default
                // 2-minute build timeout on a busy 2-core machine.
                var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(20));
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray(), config);
                return 0;
            default:
                Console.Error.WriteLine($"unknown command {args[0]}");
                return 2;
        }
    }

    private static IReadOnlyList<int> Sizes(string list) => list.Split(',').Select(int.Parse).ToList();

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
