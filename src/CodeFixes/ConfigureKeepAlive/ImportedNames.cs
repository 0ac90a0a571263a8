using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// The simple names <c>using KeepAlive;</c> brings into scope, read from the compilation (every assembly and source
/// file that adds to the namespace): only code mentioning one of them can change meaning when the using is added.
/// </summary>
internal sealed class ImportedNames
{
    private const string AttributeSuffix = "Attribute";

    private ImportedNames(HashSet<string> typeNames, HashSet<string> extensionNames)
    {
        TypeNames = typeNames;
        ExtensionNames = extensionNames;
    }

    /// <summary>Type names, and the short form <c>[Name]</c> of attribute types.</summary>
    public HashSet<string> TypeNames { get; }

    /// <summary>Extension methods: <c>x.Name(…)</c> can start to find them.</summary>
    public HashSet<string> ExtensionNames { get; }

    public bool Contains(string name) => TypeNames.Contains(name) || ExtensionNames.Contains(name);

    /// <summary>
    /// False only when <paramref name="text"/> cannot mention any of the names: none occurs in it, and no identifier
    /// can be spelled with a Unicode escape (<c>\u0054cpKeepAlive</c>).
    /// </summary>
    public bool MayOccurIn(string text) =>
        text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0 ||
        TypeNames.Concat(ExtensionNames).Any(name => text.IndexOf(name, StringComparison.Ordinal) >= 0);

    public static ImportedNames Of(INamespaceSymbol keepAlive)
    {
        var types = keepAlive.GetTypeMembers();
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            typeNames.Add(type.Name);
            if (type.Name.Length > AttributeSuffix.Length && type.Name.EndsWith(AttributeSuffix, StringComparison.Ordinal))
            {
                typeNames.Add(type.Name.Substring(0, type.Name.Length - AttributeSuffix.Length));
            }
        }

        var extensionNames = new HashSet<string>(
            types.Where(t => t.MightContainExtensionMethods).SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>().Where(m => m.IsExtensionMethod).Select(m => m.Name),
            StringComparer.Ordinal);
        return new ImportedNames(typeNames, extensionNames);
    }
}
