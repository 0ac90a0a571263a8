using BenchmarkDotNet.Running;

namespace KeepAlive.Benchmarks;

/// <summary>
/// Runs every benchmark in this assembly (Linux: the bare calls are Linux's option numbers):
/// <c>dotnet run -c Release --project benchmarks/Runtime.Benchmarks</c>; BenchmarkDotNet arguments such as
/// <c>--filter</c> pass through after <c>--</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkRunner.Run(typeof(Program).Assembly, args: args);
}
