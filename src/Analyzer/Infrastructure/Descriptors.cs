using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers;

/// <summary>Builds descriptors the same way for every rule: help link to the rule's page, description always set.</summary>
internal static class Descriptors
{
    private const string HelpLinkBase = "https://github.com/keepalive-analyzers/KeepAliveAnalyzers/blob/main/docs/rules/";

    public static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
