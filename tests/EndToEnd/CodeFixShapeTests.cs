using System;
using System.Collections.Generic;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>
/// The KA0001 fix on the shapes real programs write, end to end: SDK build, `dotnet format analyzers`, a clean build,
/// and the program reads the options back from its real socket.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public class CodeFixShapeTests
{
    private const string FieldClientFile = "FieldClient.cs";

    // A client created in its field initializer and connected in a method: the first finding of a fresh app.
    private const string FieldClient = """
        using System.Net;
        using System.Net.Sockets;

        public static class Client
        {
            private static readonly TcpClient s_client = new();

            public static Socket Connect(IPEndPoint endpoint)
            {
                s_client.Connect(endpoint);
                return s_client.Client;
            }
        }

        """;

    private const string RetryClientFile = "RetryClient.cs";

    // Connected inside a retry loop, so no statement provably follows a completed connect: the fix wraps the creation.
    private const string RetryClient = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        public static class Client
        {
            private static readonly List<TcpClient> s_clients = new();

            public static Socket Connect(IPEndPoint endpoint)
            {
                var client = new TcpClient();
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        client.Connect(endpoint);
                        break;
                    }
                    catch (SocketException) when (attempt < 3)
                    {
                        Thread.Sleep(100);
                    }
                }

                s_clients.Add(client);
                return client.Client;
            }
        }

        """;

    private readonly PackedPackages _packages;

    public CodeFixShapeTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void A_client_created_in_a_field_initializer_is_configured_after_its_connect()
    {
        var project = _packages.CreateProject("FieldInitializer")
            .WithFile("FieldInitializer.csproj", ClientApp.ProjectFile(_packages.Version))
            .WithFile("Program.cs", ClientApp.ProgramSource)
            .WithFile(FieldClientFile, FieldClient);
        var restore = project.Restore();
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var format = project.Dotnet("format", "analyzers", "--diagnostics", "KA0001", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        var fixedClient = project.ReadFile(FieldClientFile);
        Assert.Contains("        s_client.Connect(endpoint);\n        TcpKeepAlive.Configure(s_client);\n", fixedClient.Replace("\r\n", "\n"));

        var build = project.Build("--no-restore");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostics.Located(build.Output));

        var options = Options(project.Run());
        Assert.Equal("1", options["keepalive"]);
        Assert.Equal("60", options["idle"]);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("120000", options["user_timeout_ms"]);
        }
    }

    [Fact]
    public void A_client_connected_in_a_retry_loop_is_configured_before_and_gets_its_user_timeout_once_connected()
    {
        var project = _packages.CreateProject("RetryLoop")
            .WithFile("RetryLoop.csproj", ClientApp.ProjectFile(_packages.Version))
            .WithFile("Program.cs", ClientApp.ProgramReadingAfter(500))
            .WithFile(RetryClientFile, RetryClient);
        var restore = project.Restore();
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var format = project.Dotnet("format", "analyzers", "--diagnostics", "KA0001", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("var client = TcpKeepAlive.Configured(new TcpClient());", project.ReadFile(RetryClientFile));

        var build = project.Build("--no-restore");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostics.Located(build.Output));

        var options = Options(project.Run());
        Assert.Equal("1", options["keepalive"]);
        Assert.Equal("60", options["idle"]);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("120000", options["user_timeout_ms"]);
        }
    }

    private static Dictionary<string, string> Options(CommandResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return ClientApp.OptionsPrinted(run.Output);
    }
}
