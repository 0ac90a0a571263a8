using System.Collections.Immutable;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>Which semantic model the rules read a file through: the driver's, once a callback has shown it.</summary>
public class CodeContextTests
{
    private static CodeContext Data(out SyntaxTree tree)
    {
        tree = CSharpSyntaxTree.ParseText("using System.Net.Sockets; class C { Socket S() => new Socket(SocketType.Stream, ProtocolType.Tcp); }");
        var compilation = CSharpCompilation.Create("Probe", [tree], ReferenceAssemblies.For(TestTargetFramework.Net80, keepAliveRuntime: false));
        return new CodeContext(compilation);
    }

    [Fact]
    public void A_model_handed_to_a_callback_replaces_the_one_created_before()
    {
        var data = Data(out var tree);
        var created = data.GetSemanticModel(tree);
        var driver = data.Compilation.GetSemanticModel(tree); // another instance, as after the driver dropped its cache

        data.Remember(driver);

        Assert.NotSame(created, driver);
        Assert.Same(driver, data.GetSemanticModel(tree));
    }

    [Fact]
    public void Models_are_created_once_per_file_and_null_is_ignored()
    {
        var data = Data(out var tree);
        var first = data.GetSemanticModel(tree);

        data.Remember(null);

        Assert.Same(first, data.GetSemanticModel(tree));
    }
}
