using KeepAliveAnalyzers.Engine.Connections;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>A rule judged on a connection's assessment: which assessments it reports, and where the code fix also looks.</summary>
internal abstract class ConnectionRule : KeepAliveRule
{
    private protected ConnectionRule(DiagnosticDescriptor descriptor)
        : base(descriptor)
    {
    }

    public abstract bool Reports(ConnectionAssessment assessment);

    /// <summary>Further locations on the diagnostic (the code fix reads them); none by default.</summary>
    public virtual Location[]? AdditionalLocations(ConnectionAssessment assessment) => null;
}
