using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>
/// Finds and applies code fixes: one diagnostic at a time, or through a Fix All provider. Every exception a fix
/// throws becomes a <see cref="VerificationException"/>. Only actions with <paramref name="equivalenceKey"/> count
/// when it is set.
/// </summary>
internal sealed class CodeFixRunner(DiagnosticAnalyzer analyzer, CodeFixProvider fix, TestAnalyzerConfig config, string? equivalenceKey)
{
    public async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Project project)
    {
        var result = await AnalyzerRunner.RunAsync(project, [analyzer], config);
        if (!result.AnalyzerFailures.IsEmpty)
            throw new VerificationException($"An analyzer threw while code fixes were applied.\n{string.Join("\n", result.AnalyzerFailures)}");
        return result.Diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
    }

    public async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Solution solution)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
            all.AddRange(await FixableDiagnosticsAsync(project));
        return all.ToImmutable();
    }

    public async Task<ImmutableArray<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic) =>
        (await RegisteredActionsAsync(fix, document, diagnostic)).Where(a => equivalenceKey is null || a.EquivalenceKey == equivalenceKey).ToImmutableArray();

    /// <summary>Every action <paramref name="codeFix"/> registers for <paramref name="diagnostic"/>.</summary>
    public static async Task<ImmutableArray<CodeAction>> RegisteredActionsAsync(CodeFixProvider codeFix, Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        try
        {
            await codeFix.RegisterCodeFixesAsync(context);
        }
        catch (Exception exception)
        {
            throw new VerificationException($"{codeFix.GetType().Name}.RegisterCodeFixesAsync threw for {diagnostic}:\n{exception}");
        }

        return actions.ToImmutable();
    }

    /// <summary>
    /// Applies the first action offered for the first fixable diagnostic (document, then span order), until no
    /// diagnostic has a fix. Fails if more than <paramref name="maxFixes"/> fixes would be needed.
    /// </summary>
    public async Task<(Solution Solution, int Applied, string? FirstEquivalenceKey)> FixOneByOneAsync(Solution solution, int maxFixes)
    {
        var applied = 0;
        string? firstKey = null;
        while (await FirstOfferedActionAsync(solution) is { } action)
        {
            if (applied == maxFixes)
                throw new VerificationException($"A fix was still offered after {maxFixes} fixes applied one at a time; does the fix remove its diagnostic? (MaxFixIterations)");
            firstKey = applied == 0 ? action.EquivalenceKey : firstKey;
            solution = await ApplyAsync(action, solution);
            applied++;
        }

        return (solution, applied, firstKey);
    }

    /// <summary>
    /// Runs <paramref name="provider"/> at <paramref name="scope"/> for up to <paramref name="passes"/> passes
    /// (Document scope: that many per document, in order), each triggered by the first diagnostic still left.
    /// </summary>
    public async Task<Solution> FixAllAsync(Solution solution, FixAllProvider provider, FixAllScope scope, string? key, int passes)
    {
        if (scope != FixAllScope.Document)
            return await FixAllPassesAsync(solution, provider, scope, key, passes, onlyIn: null);
        foreach (var documentId in solution.Projects.SelectMany(p => p.DocumentIds).ToList())
            solution = await FixAllPassesAsync(solution, provider, scope, key, passes, documentId);
        return solution;
    }

    public static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = await action.GetOperationsAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            throw new VerificationException($"Code action '{action.Title}' threw:\n{exception}");
        }

        var changes = operations.OfType<ApplyChangesOperation>().ToList();
        return changes.Count == 1
            ? changes[0].ChangedSolution
            : throw new VerificationException($"Code action '{action.Title}' produced {changes.Count} ApplyChangesOperations; expected exactly one.");
    }

    /// <summary>The first action offered for any fixable diagnostic, or null.</summary>
    public async Task<CodeAction?> FirstOfferedActionAsync(Solution solution)
    {
        foreach (var diagnostic in await FixableDiagnosticsAsync(solution))
        {
            var actions = await ActionsAsync(DocumentOf(solution, diagnostic), diagnostic);
            if (!actions.IsEmpty)
                return actions[0];
        }

        return null;
    }

    private async Task<Solution> FixAllPassesAsync(Solution solution, FixAllProvider provider, FixAllScope scope, string? key, int passes, DocumentId? onlyIn)
    {
        for (var pass = 0; pass < passes; pass++)
        {
            var trigger = (await FixableDiagnosticsAsync(solution)).FirstOrDefault(d => onlyIn is null || DocumentOf(solution, d).Id == onlyIn);
            if (trigger is null)
                return solution;
            var context = new FixAllContext(DocumentOf(solution, trigger), fix, scope, key, fix.FixableDiagnosticIds, new DiagnosticProvider(this), CancellationToken.None);
            CodeAction? action;
            try
            {
                action = await provider.GetFixAsync(context);
            }
            catch (Exception exception)
            {
                throw new VerificationException($"Fix All ({scope}) of {fix.GetType().Name} threw:\n{exception}");
            }

            if (action is null)
                return solution;
            solution = await ApplyAsync(action, solution);
        }

        return solution;
    }

    private static Document DocumentOf(Solution solution, Diagnostic diagnostic) =>
        solution.GetDocument(diagnostic.Location.SourceTree)
        ?? throw new VerificationException($"Diagnostic {diagnostic} is not located in a document of the test solution.");

    private sealed class DiagnosticProvider(CodeFixRunner runner) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await runner.FixableDiagnosticsAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await runner.FixableDiagnosticsAsync(project);
    }
}
