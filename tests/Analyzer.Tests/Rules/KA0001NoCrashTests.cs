using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Every source of the KA0001 tests, cut short at token boundaries and with single tokens deleted, must not make
/// any shipped analyzer or code fix throw. The sources are the <c>const string</c> fields of the KA0001 test
/// classes, so a new test source is covered without being listed here.
/// </summary>
public class KA0001NoCrashTests
{
    private const string TestClassPrefix = "KA0001NoDeadPeerDetectionAnalyzer";

    public static TheoryData<string> SourceNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Sources().Keys)
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SourceNames))]
    public Task Broken_variants_of_the_test_source_do_not_crash(string name) =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [Sources()[name]],
            new() { ReferenceKeepAliveRuntime = true });

    [Fact]
    public void Every_KA0001_test_class_contributes_sources()
    {
        var classes = TestClasses().ToList();
        Assert.True(classes.Count >= 4, $"found only {classes.Count} KA0001 test classes");
        Assert.All(classes, type => Assert.Contains(Sources().Keys, name => name.StartsWith(type.Name + ".", StringComparison.Ordinal)));
        Assert.True(Sources().Count >= 60, $"found only {Sources().Count} sources");
    }

    private static Dictionary<string, string> Sources() =>
        TestClasses()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.Name}.{field.Name}", Code: (string)field.GetRawConstantValue()!)))
            .Where(source => source.Code.Contains("class ", StringComparison.Ordinal))
            .ToDictionary(source => source.Name, source => source.Code, StringComparer.Ordinal);

    private static IEnumerable<Type> TestClasses() =>
        typeof(KA0001NoCrashTests).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(KA0001NoCrashTests).Namespace && type.Name.StartsWith(TestClassPrefix, StringComparison.Ordinal));
}
