using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace KeepAliveAnalyzers.Tests.Verifiers;

/// <summary>Reference assemblies a test compilation is built against.</summary>
public enum TestTargetFramework
{
    Net80,
    NetStandard20,
}

/// <summary>The less common knobs of a verification. Use <c>with</c> on <see cref="Default"/> or <c>new() { … }</c>.</summary>
public sealed record TestOptions
{
    public static TestOptions Default { get; } = new();

    public TestTargetFramework TargetFramework { get; init; } = TestTargetFramework.Net80;

    /// <summary>Reference the KeepAlive.Runtime DLL built for <see cref="TargetFramework"/> (so <c>KeepAlive.TcpKeepAlive</c> resolves).</summary>
    public bool ReferenceKeepAliveRuntime { get; init; }

    /// <summary>
    /// .editorconfig-style <c>key = value</c> lines. Lines before any section are global; lines under <c>[*]</c>,
    /// <c>[*.cs]</c> or <c>[Test1.cs]</c> apply to the matching documents only. <c>dotnet_diagnostic.ID.severity</c>
    /// overrides a severity (none, silent, suggestion, warning, error); <c>generated_code = true</c> marks documents generated.
    /// </summary>
    public string? EditorConfig { get; init; }

    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    /// <summary>Expected messages, one per expected diagnostic in markup order (document, then start); null skips one.</summary>
    public IReadOnlyList<string?>? ExpectedMessages { get; init; }

    /// <summary>The test source is broken on purpose: do not require it to compile.</summary>
    public bool AllowCompilerErrors { get; init; }

    /// <summary>The fixed source is allowed compiler errors (defaults to requiring clean compilation).</summary>
    public bool AllowCompilerErrorsAfterFix { get; init; }

    /// <summary>Skip re-running with <c>#pragma warning disable ID</c> prepended.</summary>
    public bool SkipPragmaCheck { get; init; }

    /// <summary>Skip re-running with <c>// &lt;auto-generated/&gt;</c> prepended (for rules that report in generated code).</summary>
    public bool SkipGeneratedCodeCheck { get; init; }

    /// <summary>Apply only code actions with this equivalence key (default: the first action offered).</summary>
    public string? EquivalenceKey { get; init; }

    /// <summary>Most fixes applied one at a time (default: the number of diagnostics + 2).</summary>
    public int? MaxFixIterations { get; init; }

    /// <summary>Fix All passes per scope (per document for Document scope) before the text must match (default 1).</summary>
    public int FixAllIterations { get; init; } = 1;

    public bool SkipFixAllCheck { get; init; }
}
