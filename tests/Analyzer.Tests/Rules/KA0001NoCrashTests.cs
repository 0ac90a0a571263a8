using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Every source of the KA0001 tests, cut short at token boundaries and with single tokens deleted, must not make
/// any shipped analyzer or code fix throw. The sources are the <c>const string</c> fields of the KA0001 test
/// classes, so a new test source is covered without being listed here. The sources are split into groups, one
/// nested class each, because xunit runs test classes (not theory cases) in parallel.
/// </summary>
public static class KA0001NoCrashTests
{
    private const string TestClassPrefix = "KA0001NoDeadPeerDetection";

    /// <summary>Each group takes the sources of the test classes whose names (after the prefix) start with one of its keys.</summary>
    private static readonly Dictionary<string, string[]> Groups = new()
    {
        ["Diagnostic"] = ["DiagnosticClientTests", "DiagnosticServerTests", "HandOffTests", "FactoryArgumentsTests", "SharedFieldTests", "LifetimeTests", "LifetimeBoundsTests", "HttpPoolTests", "DerivedSocketTests"],
        ["Configured"] = ["ConfiguredTests", "ConfiguredHelperTests", "ConfiguredServerTests", "ConfigurationMethodsTests", "SiteFormsTests", "AliasTests", "MemberSearchTests"],
        ["Valid"] = ["ShortLivedClientTests", "ShortLivedServerTests", "ShortLivedProbeTests", "NotAConnectionTests"],
    };

    private static readonly Lazy<Dictionary<string, string>> AllSources = new(FindSources);

    public static TheoryData<string> SourceNames(string group)
    {
        var data = new TheoryData<string>();
        foreach (var name in AllSources.Value.Keys.Where(name => GroupOf(name) == group))
            data.Add(name);
        return data;
    }

    private static Task VerifyAsync(string name) =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [AllSources.Value[name]],
            new() { ReferenceKeepAliveRuntime = true });

    public sealed class DiagnosticSources
    {
        [Theory]
        [MemberData(nameof(SourceNames), "Diagnostic", MemberType = typeof(KA0001NoCrashTests))]
        public Task Broken_variants_do_not_crash(string name) => VerifyAsync(name);
    }

    public sealed class ConfiguredSources
    {
        [Theory]
        [MemberData(nameof(SourceNames), "Configured", MemberType = typeof(KA0001NoCrashTests))]
        public Task Broken_variants_do_not_crash(string name) => VerifyAsync(name);
    }

    public sealed class ValidSources
    {
        [Theory]
        [MemberData(nameof(SourceNames), "Valid", MemberType = typeof(KA0001NoCrashTests))]
        public Task Broken_variants_do_not_crash(string name) => VerifyAsync(name);
    }

    public sealed class Coverage
    {
        [Fact]
        public void Every_source_of_every_KA0001_test_class_is_in_a_group()
        {
            var classes = TestClasses().ToList();
            Assert.True(classes.Count >= 6, $"found only {classes.Count} KA0001 test classes");
            Assert.All(classes, type => Assert.Contains(AllSources.Value.Keys, name => name.StartsWith(type.Name + ".", StringComparison.Ordinal)));
            Assert.True(AllSources.Value.Count >= 100, $"found only {AllSources.Value.Count} sources");
            Assert.All(AllSources.Value.Keys, name => Assert.NotNull(GroupOf(name)));
        }
    }

    private static string? GroupOf(string sourceName)
    {
        var className = sourceName.Substring(TestClassPrefix.Length, sourceName.IndexOf('.') - TestClassPrefix.Length);
        return Groups.FirstOrDefault(group => group.Value.Contains(className)).Key;
    }

    private static Dictionary<string, string> FindSources() =>
        TestClasses()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.Name}.{field.Name}", Code: (string)field.GetRawConstantValue()!)))
            .Where(source => source.Code.Contains("class ", StringComparison.Ordinal))
            .ToDictionary(source => source.Name, source => source.Code, StringComparer.Ordinal);

    private static IEnumerable<Type> TestClasses() =>
        typeof(KA0001NoCrashTests).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(KA0001NoCrashTests).Namespace && type.Name.StartsWith(TestClassPrefix, StringComparison.Ordinal) &&
                           !type.Name.StartsWith(TestClassPrefix + "CodeFix", StringComparison.Ordinal)); // the analyzer's tests; the fixes' sources are their own
}
