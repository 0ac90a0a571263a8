using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>
/// A library built with KeepAliveAnalyzers and packed declares the dependency, so an application that uses the library
/// gets KeepAlive.Runtime.dll at run time, and not the analyzers.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public class LibraryConsumerTests
{
    private readonly PackedPackages _packages;

    public LibraryConsumerTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void Packed_library_brings_the_runtime_but_not_the_analyzers_to_its_consumers()
    {
        var libraryId = "KeepAliveE2E.Library";
        var library = _packages.CreateProject("Library")
            .WithFile("Library.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <PackageId>{libraryId}</PackageId>
                    <Version>{_packages.Version}</Version>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KeepAliveAnalyzers" Version="{_packages.Version}" />
                  </ItemGroup>
                </Project>
                """)
            .WithFile("Helper.cs", """
                namespace Library;

                public static class Helper
                {
                    public static string RuntimeAssemblyName => typeof(KeepAlive.TcpKeepAlive).Assembly.GetName().Name!;
                }
                """);
        var pack = library.Pack(_packages.Feed);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        using (var nupkg = ZipFile.OpenRead(Path.Combine(_packages.Feed, $"{libraryId}.{_packages.Version}.nupkg")))
        using (var nuspec = nupkg.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open())
        {
            var dependency = XDocument.Load(nuspec).Descendants().Single(e => e.Name.LocalName == "dependency");
            Assert.Equal("KeepAliveAnalyzers", dependency.Attribute("id")?.Value);
            Assert.Equal(_packages.Version, dependency.Attribute("version")?.Value);
        }

        // The application has the long-lived client KA0001 reports in the baseline build, yet no KA0001: the
        // analyzers stay with the library (buildTransitive/KeepAliveAnalyzers.targets; NuGet alone would pass them on).
        var application = _packages.CreateProject("Application")
            .WithFile("Application.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{libraryId}" Version="{_packages.Version}" />
                  </ItemGroup>
                </Project>
                """)
            .WithFile(ClientApp.ReportedFile, ClientApp.PlainClient)
            .WithFile("Program.cs", "System.Console.WriteLine(Library.Helper.RuntimeAssemblyName);\n");
        var build = application.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("KA0001", BuildDiagnostics.Ids(build.Output));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(application.OutputAssembly)!, "KeepAlive.Runtime.dll")), build.ToString());

        var run = application.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("KeepAlive.Runtime", run.Output.Trim());
    }
}
