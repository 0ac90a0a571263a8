using System.IO;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>The <see cref="ClientApp"/> restored and built once with a SARIF 2.1 error log.</summary>
public sealed record BaselineBuild(ConsumerProject Project, CommandResult Build, string Sarif)
{
    public const string SarifFile = "out.sarif";

    public static BaselineBuild Run(PackedPackages packages)
    {
        var project = ClientApp.Create(packages, "Baseline");
        // %2C is the escaped comma: a bare comma would make MSBuild read "version=2.1" as a second property.
        var build = project.Build($"-p:ErrorLog={SarifFile}%2Cversion=2.1");
        var sarifPath = Path.Combine(project.Directory, SarifFile);
        return new BaselineBuild(project, build, File.Exists(sarifPath) ? File.ReadAllText(sarifPath) : "");
    }
}
