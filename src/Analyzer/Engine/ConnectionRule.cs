using System;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine;

/// <summary>One rule judged on a connection's assessment: which assessments it reports, and where the code fix also looks.</summary>
internal sealed class ConnectionRule
{
    private readonly Func<ConnectionAssessment, bool> _reports;
    private readonly Func<ConnectionAssessment, Location[]?>? _additionalLocations;

    public ConnectionRule(DiagnosticDescriptor descriptor, Func<ConnectionAssessment, bool> reports, Func<ConnectionAssessment, Location[]?>? additionalLocations = null)
    {
        Descriptor = descriptor;
        _reports = reports;
        _additionalLocations = additionalLocations;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public bool Reports(ConnectionAssessment assessment) => _reports(assessment);

    public Location[]? AdditionalLocations(ConnectionAssessment assessment) => _additionalLocations?.Invoke(assessment);
}
