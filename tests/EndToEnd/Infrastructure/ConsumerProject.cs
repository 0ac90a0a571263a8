using System;
using System.IO;
using System.Linq;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>A project in the temporary folder that uses the packed packages, driven through the dotnet CLI.</summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private readonly PackedPackages _packages;

    public ConsumerProject(PackedPackages packages, string directory, string name)
    {
        _packages = packages;
        Directory = directory;
        Name = name;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public string Name { get; }

    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    public ConsumerProject WithFile(string relativePath, string content)
    {
        File.WriteAllText(Path.Combine(Directory, relativePath), content);
        return this;
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public CommandResult Dotnet(params string[] arguments) =>
        DotNetCli.Run(Directory, CommandTimeout, _packages.ConsumerEnvironment, arguments);

    public CommandResult Restore() => Dotnet("restore", "-nodeReuse:false", "-tl:off");

    public CommandResult Build(params string[] extraArguments) =>
        Dotnet(new[] { "build", "-nodeReuse:false", "-tl:off" }.Concat(extraArguments).ToArray());

    public CommandResult Pack(string outputDirectory) => Dotnet("pack", "-nodeReuse:false", "-tl:off", "-o", outputDirectory);

    /// <summary>Runs the built program (dotnet Name.dll).</summary>
    public CommandResult Run() => Dotnet(OutputAssembly);
}
