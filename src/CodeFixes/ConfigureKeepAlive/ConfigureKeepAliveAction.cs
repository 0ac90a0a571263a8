using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// The code action of the fix. The document it produces is final: the blocks it creates are already formatted and
/// the text reparsed (<see cref="ConfigureKeepAliveFixer"/>), and no Simplifier, import or formatting annotation is
/// left. The default post-processing would still build a semantic model of the changed document (a new
/// compilation) to look for them: about a third of one fix in a 2,000-line file.
/// </summary>
internal sealed class ConfigureKeepAliveAction : CodeAction
{
    private readonly Func<CancellationToken, Task<Document>> _createChangedDocument;

    public ConfigureKeepAliveAction(string title, Func<CancellationToken, Task<Document>> createChangedDocument, string equivalenceKey)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        _createChangedDocument = createChangedDocument;
    }

    public override string Title { get; }

    public override string EquivalenceKey { get; }

    protected override Task<Document> GetChangedDocumentAsync(CancellationToken cancellationToken) => _createChangedDocument(cancellationToken);

    protected override Task<Document> PostProcessChangesAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(document);
}
