using System;
using System.Linq;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// A console program that keeps a TcpClient in a static field (KA0001), written three times: plainly, behind
/// <c>#pragma warning disable</c>, and under <c>[SuppressMessage]</c>. The program connects to a loopback listener it
/// starts itself and prints the keepalive options its client socket ended up with.
/// </summary>
public static class ClientApp
{
    public const string ReportedFile = "Client.cs";
    public const string PragmaFile = "PragmaClient.cs";
    public const string AttributeFile = "AttributeClient.cs";
    public const string SiteText = "new TcpClient()";

    public static ConsumerProject Create(PackedPackages packages, string name) =>
        packages.CreateProject(name)
            .WithFile(name + ".csproj", ProjectFile(packages.Version))
            .WithFile("Program.cs", Program)
            .WithFile(ReportedFile, PlainClient)
            .WithFile(PragmaFile, Client("PragmaClient", attribute: "", pragma: true))
            .WithFile(AttributeFile, Client("AttributeClient",
                attribute: "[SuppressMessage(\"Reliability\", \"KA0001\", Justification = \"test\")]", pragma: false));

    /// <summary>The class KA0001 reports, with nothing suppressed.</summary>
    public static string PlainClient => Client("Client", attribute: "", pragma: false);

    /// <summary>Where KA0001 must be reported in <see cref="ReportedFile"/>: the <c>new TcpClient()</c>, 1-based.</summary>
    public static (int Line, int Column) SiteIn(string source)
    {
        var lines = source.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(SiteText, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(SiteText, StringComparison.Ordinal) + 1);
    }

    public static string ProjectFile(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="KeepAliveAnalyzers" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The <c>name=value</c> lines the program prints, by name.</summary>
    public static System.Collections.Generic.Dictionary<string, string> OptionsPrinted(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);

    /// <summary>The program that connects a Client to a loopback listener and prints the options its socket ended up with.</summary>
    public static string ProgramSource => Program;

    /// <summary>
    /// The same program, reading the options <paramref name="milliseconds"/> after the connect: a socket configured
    /// before its connect gets the user timeout from the helper's check, which runs every 100 ms.
    /// </summary>
    public static string ProgramReadingAfter(int milliseconds)
    {
        const string Accepted = "using var accepted = listener.AcceptSocket();\n";
        return Program.Contains(Accepted)
            ? Program.Replace(Accepted, $"{Accepted}System.Threading.Thread.Sleep({milliseconds});\n")
            : throw new InvalidOperationException("The program no longer has the accept line the wait goes after.");
    }

    private const string Program = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var socket = Client.Connect((IPEndPoint)listener.LocalEndpoint);
        using var accepted = listener.AcceptSocket();

        Console.WriteLine($"keepalive={socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)}");
        Console.WriteLine($"idle={socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)}");
        Console.WriteLine($"interval={socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)}");
        Console.WriteLine($"count={socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)}");
        if (OperatingSystem.IsLinux())
        {
            var userTimeout = new byte[4];
            socket.GetRawSocketOption(6, 18, userTimeout); // IPPROTO_TCP, TCP_USER_TIMEOUT (milliseconds)
            Console.WriteLine($"user_timeout_ms={BitConverter.ToInt32(userTimeout)}");
        }
        """;

    private static string Client(string name, string attribute, bool pragma)
    {
        var lines = new[]
        {
            "using System.Diagnostics.CodeAnalysis;",
            "using System.Net;",
            "using System.Net.Sockets;",
            "",
            $"public static class {name}",
            "{",
            "    private static TcpClient? s_client;",
            "",
            attribute.Length > 0 ? "    " + attribute : null,
            "    public static Socket Connect(IPEndPoint endpoint)",
            "    {",
            pragma ? "#pragma warning disable KA0001 // the protocol has its own heartbeat" : null,
            $"        s_client = {SiteText};",
            pragma ? "#pragma warning restore KA0001" : null,
            "        s_client.Connect(endpoint);",
            "        return s_client.Client;",
            "    }",
            "}",
            "",
        };
        return string.Join("\n", lines.Where(line => line is not null));
    }
}
