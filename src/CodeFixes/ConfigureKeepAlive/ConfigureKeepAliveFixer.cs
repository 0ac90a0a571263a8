using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>Fixes any number of KA0001 diagnostics of one document in one edit: one fix and Fix All share this path.</summary>
internal static class ConfigureKeepAliveFixer
{
    public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model &&
        ConfigureCallPlanner.Create(model, cancellationToken) is { } planner &&
        Plans(model, planner, new[] { diagnostic }).Count > 0;

    public static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model ||
            ConfigureCallPlanner.Create(model, cancellationToken) is not { } planner ||
            Plans(model, planner, diagnostics) is not { Count: > 0 } plans)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        ConfigureCallInserter.Insert(editor, plans);
        var named = document.WithSyntaxRoot(ConfigureCallNaming.Apply(model, planner.Api.Type, plans, editor.GetChangedRoot(), cancellationToken));

        // Only blocks the fix creates are left to the formatter; without one, even reading the formatting options is
        // a cost paid once per document in Fix All.
        var root = await named.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var formatted = root is not null && root.GetAnnotatedNodes(Formatter.Annotation).Any()
            ? await Formatter.FormatAsync(named, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)
            : named;

        // Hand back the parse of the final text: an edited tree can keep a one-statement list in a shape the parser
        // never builds, and tools that compare it with a fresh parse (IsEquivalentTo) then see a difference.
        return document.WithText(await formatted.GetTextAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One plan per connection, in source order; two diagnostics needing the same call (<c>c = a ? new(…) : new(…)</c>) share it.</summary>
    private static List<ConfigureCallPlan> Plans(SemanticModel model, ConfigureCallPlanner planner, IEnumerable<Diagnostic> diagnostics)
    {
        var plans = new List<ConfigureCallPlan>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (diagnostic.Location.SourceTree == model.SyntaxTree && planner.Plan(diagnostic.Location.SourceSpan) is { } plan &&
                !plans.Any(plan.IsSameInsertion))
            {
                plans.Add(plan);
            }
        }

        return plans;
    }
}
