using System.IO;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>KA0001 breaks a TreatWarningsAsErrors build, and .editorconfig turns it off.</summary>
[Collection(PackedPackagesCollection.Name)]
public class SeverityTests
{
    private readonly PackedPackages _packages;

    public SeverityTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void Warnings_as_errors_fail_on_KA0001_until_editorconfig_sets_it_to_none()
    {
        var project = ClientApp.Create(_packages, "Severity");
        var (line, column) = ClientApp.SiteIn(project.ReadFile(ClientApp.ReportedFile));

        var failing = project.Build("-p:TreatWarningsAsErrors=true");
        Assert.True(failing.ExitCode != 0, failing.ToString());
        Assert.Contains(new BuildDiagnostic(ClientApp.ReportedFile, line, column, "error", "KA0001"), BuildDiagnostics.Located(failing.Output));

        project.WithFile(".editorconfig", "[*.cs]\ndotnet_diagnostic.KA0001.severity = none\n");
        var clean = project.Build("--no-restore", "-p:TreatWarningsAsErrors=true");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.DoesNotContain("KA0001", BuildDiagnostics.Ids(clean.Output));
        Assert.True(File.Exists(project.OutputAssembly), clean.ToString());
    }
}
