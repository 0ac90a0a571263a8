using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>
/// Every rule the package ships, found by reflection over the analyzer assembly, so a new analyzer is covered by the
/// meta tests the moment it exists.
/// </summary>
public static class ShippedRules
{
    public static Assembly AnalyzerAssembly { get; } = typeof(RuleIds).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        AnalyzerAssembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>Every supported descriptor, once per (analyzer, id).</summary>
    public static ImmutableArray<(DiagnosticAnalyzer Analyzer, DiagnosticDescriptor Descriptor)> AllDescriptors { get; } =
        Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(descriptor => (analyzer, descriptor))).ToImmutableArray();

    /// <summary>One descriptor per id (<see cref="DescriptorTests"/> checks that analyzers sharing an id agree).</summary>
    public static ImmutableDictionary<string, DiagnosticDescriptor> ById { get; } =
        AllDescriptors.GroupBy(pair => pair.Descriptor.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(group => group.Key, group => group.First().Descriptor, StringComparer.Ordinal);

    public static IEnumerable<object[]> Ids() => ById.Keys.OrderBy(id => id, StringComparer.Ordinal).Select(id => new object[] { id });

    /// <summary>The name release tracking and the docs use for a default severity.</summary>
    public static string SeverityName(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
}
