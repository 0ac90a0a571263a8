using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

/// <summary>
/// Test-only fix for TST001: <c>new TcpClient()</c> becomes <c>new TcpClient() { NoDelay = true }</c>
/// (equivalence key "SetNoDelay"), or <c>… { NoDelay = false }</c> (key "ClearNoDelay"). Subclasses misbehave on purpose.
/// </summary>
public class SetNoDelayFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [NewTcpClientAnalyzer.Rule.Id];

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
        if (!await IsOfferedAsync(context.Document, root) || root.FindNode(context.Span, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            return;
        Register(context, root, creation, "Set NoDelay", "SetNoDelay", "{ NoDelay = true }");
        Register(context, root, creation, "Clear NoDelay", "ClearNoDelay", "{ NoDelay = false }");
    }

    protected virtual Task<bool> IsOfferedAsync(Document document, SyntaxNode root) => Task.FromResult(true);

    protected virtual SyntaxNode Fixed(BaseObjectCreationExpressionSyntax creation, string initializer) =>
        SyntaxFactory.ParseExpression($"{creation.WithoutTrivia()} {initializer}").WithTriviaFrom(creation);

    private void Register(CodeFixContext context, SyntaxNode root, SyntaxNode creation, string title, string key, string initializer) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, Fixed((BaseObjectCreationExpressionSyntax)creation, initializer)))), key),
            context.Diagnostics);
}

/// <summary>Offered only when the KeepAlive.Runtime helper resolves in the compilation.</summary>
public sealed class NeedsRuntimeFix : SetNoDelayFix
{
    protected override async Task<bool> IsOfferedAsync(Document document, SyntaxNode root) =>
        (await document.Project.GetCompilationAsync())!.GetTypeByMetadataName("KeepAlive.TcpKeepAlive") is not null;
}

public sealed class NonCompilingFix : SetNoDelayFix
{
    protected override SyntaxNode Fixed(BaseObjectCreationExpressionSyntax creation, string initializer) =>
        base.Fixed(creation, "{ NoDelay = undefinedVariable }");
}

/// <summary>
/// Builds <c>newTcpClient()</c>: a tree whose text parses back to something else. Tokens without elastic trivia,
/// so the formatter that runs after a code action leaves the missing space alone.
/// </summary>
public sealed class GluedTokensFix : SetNoDelayFix
{
    protected override SyntaxNode Fixed(BaseObjectCreationExpressionSyntax creation, string initializer)
    {
        var initializerSyntax = ((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression($"new X {initializer}")).Initializer!;
        return SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.NewKeyword, SyntaxTriviaList.Empty),
                SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(SyntaxTriviaList.Empty, "TcpClient", SyntaxTriviaList.Empty)),
                SyntaxFactory.ArgumentList(
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenParenToken, SyntaxTriviaList.Empty),
                    default,
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseParenToken, SyntaxFactory.TriviaList(SyntaxFactory.Space))),
                initializerSyntax)
            .WithTriviaFrom(creation);
    }
}

public sealed class ThrowingFix : SetNoDelayFix
{
    protected override SyntaxNode Fixed(BaseObjectCreationExpressionSyntax creation, string initializer) =>
        throw new InvalidOperationException("test fix failure");
}

/// <summary>Throws while registering when the file has syntax errors: fails the no-crash harness only.</summary>
public sealed class ThrowsOnBrokenCodeFix : SetNoDelayFix
{
    protected override Task<bool> IsOfferedAsync(Document document, SyntaxNode root) =>
        root.ContainsDiagnostics ? throw new InvalidOperationException("test fix failure on broken code") : Task.FromResult(true);
}

public sealed class NoActionFix : SetNoDelayFix
{
    protected override Task<bool> IsOfferedAsync(Document document, SyntaxNode root) => Task.FromResult(false);
}

/// <summary>Its Fix All writes a trailing comma that fixing one by one does not.</summary>
public sealed class DivergentFixAllFix : SetNoDelayFix
{
    public override FixAllProvider? GetFixAllProvider() => new TestFixAll("{ NoDelay = true, }", onlyTriggerProject: false);
}

/// <summary>Its Fix All stays in the trigger's project even at Solution scope.</summary>
public sealed class ProjectOnlyFixAllFix : SetNoDelayFix
{
    public override FixAllProvider? GetFixAllProvider() => new TestFixAll("{ NoDelay = true }", onlyTriggerProject: true);
}

/// <summary>A hand-written Fix All (Document and Solution scope) that adds <paramref name="initializer"/> to every flagged creation.</summary>
internal sealed class TestFixAll(string initializer, bool onlyTriggerProject) : FixAllProvider
{
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Solution];

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
        Task.FromResult<CodeAction?>(CodeAction.Create("Set NoDelay everywhere", cancellationToken => FixAsync(fixAllContext, cancellationToken)));

    private async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        IEnumerable<Document> documents = context.Scope switch
        {
            FixAllScope.Document => [context.Document!],
            _ when onlyTriggerProject => context.Project.Documents,
            _ => context.Solution.Projects.SelectMany(p => p.Documents),
        };
        var solution = context.Solution;
        foreach (var document in documents)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken))!;
            var creations = (await context.GetDocumentDiagnosticsAsync(document))
                .Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true))
                .OfType<BaseObjectCreationExpressionSyntax>();
            var fixedRoot = root.ReplaceNodes(creations, (original, _) =>
                SyntaxFactory.ParseExpression($"{original.WithoutTrivia()} {initializer}").WithTriviaFrom(original));
            solution = solution.WithDocumentSyntaxRoot(document.Id, fixedRoot);
        }

        return solution;
    }
}
