using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Verifiers;

/// <summary>
/// The sources of one rule's tests, for its no-crash suite: the <c>const string</c> fields (that declare a class) of
/// every test class whose name starts with the rule's analyzer name, plus one extra source that puts many case
/// fragments together. A new test source is covered without being listed anywhere.
/// </summary>
internal sealed class RuleTestSources
{
    private readonly string _ruleId;
    private readonly string _testClassPrefix;
    private readonly Lazy<Dictionary<string, string>> _sources;

    public RuleTestSources(string ruleId, string testClassPrefix, string fragmentsName, string fragments)
    {
        _ruleId = ruleId;
        _testClassPrefix = testClassPrefix;
        _sources = new(() => Find().Append((Name: fragmentsName, Code: fragments)).ToDictionary(s => s.Name, s => s.Code, StringComparer.Ordinal));
    }

    /// <summary>Every source on net8.0 and on netstandard2.0.</summary>
    public TheoryData<string, TestTargetFramework> Cases()
    {
        var data = new TheoryData<string, TestTargetFramework>();
        foreach (var name in _sources.Value.Keys)
        {
            data.Add(name, TestTargetFramework.Net80);
            data.Add(name, TestTargetFramework.NetStandard20);
        }

        return data;
    }

    /// <summary>The source cut short and with single tokens deleted makes no shipped analyzer or code fix throw.</summary>
    public Task VerifyNoCrashAsync(string name, TestTargetFramework framework) =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [_sources.Value[name]],
            new() { TargetFramework = framework, ReferenceKeepAliveRuntime = true });

    /// <summary>Guards the discovery itself: a renamed test class would silently drop out of the suite.</summary>
    public void AssertEveryTestClassContributes()
    {
        var classes = TestClasses().ToList();
        Assert.True(classes.Count >= 2, $"found only {classes.Count} {_ruleId} test classes");
        Assert.All(classes, type => Assert.Contains(_sources.Value.Keys, name => name.StartsWith(type.Name + ".", StringComparison.Ordinal)));
        Assert.Contains(NoCrashVerifier.ProductAnalyzers(), a => a.SupportedDiagnostics.Any(d => d.Id == _ruleId));
    }

    private IEnumerable<(string Name, string Code)> Find() =>
        TestClasses()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.Name}.{field.Name}", Code: (string)field.GetRawConstantValue()!)))
            .Where(source => source.Code.Contains("class ", StringComparison.Ordinal));

    private IEnumerable<Type> TestClasses() =>
        typeof(RuleTestSources).Assembly.GetTypes()
            .Where(type => type.Namespace == "KeepAliveAnalyzers.Tests.Rules" && type.Name.StartsWith(_testClassPrefix, StringComparison.Ordinal));
}
