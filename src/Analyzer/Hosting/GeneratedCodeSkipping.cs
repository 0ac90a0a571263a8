using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>How the shipped analyzer treats generated code: never analysed, so never reported.</summary>
internal static class GeneratedCodeSkipping
{
    /// <summary>
    /// <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/> without <see cref="GeneratedCodeAnalysisFlags.Analyze"/>:
    /// the driver runs no action of ours in generated code (generated files, members and types marked
    /// <c>[GeneratedCode]</c>), so everything we report is from handwritten code already.
    /// </summary>
    /// <remarks>
    /// Why not <see cref="GeneratedCodeAnalysisFlags.None"/>, which skips the same code: with it the driver also vets
    /// every diagnostic for <c>[GeneratedCode]</c> members by walking all tokens of the diagnostic's file (once per file,
    /// charged to the first analyzer reporting there). Profiled over ten corpus repositories, that walk was a third of
    /// the connection rules' time, more than following the connections; it can never find anything for us.
    /// </remarks>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
