using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

/// <summary>What the IDE does with a code fix: ask for the actions, then compute the changed solution and its text.</summary>
public static class CodeFixRunner
{
    public static CodeFixProvider ProviderFor(string id) =>
        KaAssemblies.CreateCodeFixes().FirstOrDefault(p => p.FixableDiagnosticIds.Contains(id))
        ?? throw new InvalidOperationException($"no code fix provider for {id} in {KaAssemblies.CodeFixes.GetName().Name}");

    public static async Task<ImmutableArray<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken = default)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        return actions.ToImmutable();
    }

    /// <summary>Applies <paramref name="action"/> in memory and materialises the text of every changed document.</summary>
    public static async Task<Solution> ApplyAsync(CodeAction action, Solution original, CancellationToken cancellationToken = default)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution
            ?? throw new InvalidOperationException($"'{action.Title}' produced no ApplyChangesOperation");
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments())
            {
                await changed.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return changed;
    }

    public static IEnumerable<Document> ChangedDocuments(Solution changed, Solution original) =>
        changed.GetChanges(original).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).Select(id => changed.GetDocument(id)!);
}
