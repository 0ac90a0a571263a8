using System.Linq;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>How the engine finds the calls of an in-source method: a text search for its name, then a bind of each hit.</summary>
public class CallSitesTests
{
    private static (CodeContext Code, Compilation Compilation) Compile(params string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"File{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("Probe", trees, ReferenceAssemblies.For(TestTargetFramework.Net80, keepAliveRuntime: false),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (new CodeContext(compilation), compilation);
    }

    private static IMethodSymbol Method(Compilation compilation, string type, string name) =>
        compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().First();

    private static string[] Callers(CallSites sites) =>
        sites.Invocations.Select(call => call.Syntax.SyntaxTree.FilePath + ":" + call.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line).ToArray();

    [Fact]
    public void Calls_in_other_files_are_found_and_names_in_comments_strings_and_other_overloads_are_not_calls()
    {
        var (code, compilation) = Compile(
            "class F { internal static int Make(int a) => a; internal static int Make(int a, int b) => a + b; }",
            "class U {\n // Make(1)\n string s = \"Make(2)\";\n int x = F.Make(3);\n int y = F.Make(4, 5);\n}");

        var sites = code.GetCallSites(Method(compilation, "F", "Make"), default);

        Assert.True(sites.IsComplete);
        Assert.Equal(["File1.cs:3"], Callers(sites));
    }

    [Fact]
    public void A_verbatim_name_and_a_unicode_escaped_name_are_calls_too()
    {
        var (code, compilation) = Compile(
            "class F { internal static int Make(int a) => a; }",
            "class U {\n int x = F.@Make(1);\n int y = F.M\\u0061ke(2);\n}");

        var sites = code.GetCallSites(Method(compilation, "F", "Make"), default);

        Assert.Equal(["File1.cs:1", "File1.cs:2"], Callers(sites));
    }

    [Fact]
    public void A_private_method_is_looked_for_in_its_own_type_only_and_found_in_every_part_of_it()
    {
        var (code, compilation) = Compile(
            "partial class F { private static int Make(int a) => a; int x = Make(1); }",
            "partial class F { int y = Make(2); }",
            "class Other { static int Make(int a) => a; int z = Make(3); }");

        var names = code.NamesSpelled(Method(compilation, "F", "Make"), default);
        var sites = code.GetCallSites(Method(compilation, "F", "Make"), default);

        Assert.DoesNotContain(names, name => name.SyntaxTree.FilePath == "File2.cs");
        Assert.Equal(["File0.cs:0", "File1.cs:0"], Callers(sites));
    }

    [Fact]
    public void A_method_used_as_a_delegate_has_calls_the_search_cannot_see()
    {
        var (code, compilation) = Compile(
            "using System; class F { internal static int Make(int a) => a; Func<int, int> f = Make; }");

        Assert.False(code.GetCallSites(Method(compilation, "F", "Make"), default).IsComplete);
    }

    [Fact]
    public void A_reduced_extension_call_passes_one_argument_fewer_and_is_still_a_call()
    {
        var (code, compilation) = Compile(
            "static class E { internal static int Twice(this int a, int b) => a * b; }",
            "class U { int x = 3.Twice(2); }");

        Assert.Equal(["File1.cs:0"], Callers(code.GetCallSites(Method(compilation, "E", "Twice"), default)));
    }
}
