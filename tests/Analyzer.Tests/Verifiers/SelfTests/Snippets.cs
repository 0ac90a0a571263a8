namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

/// <summary>Sources shared by the self-tests.</summary>
internal static class Snippets
{
    public const string TwoClients = """
        using System.Net.Sockets;

        class C
        {
            TcpClient First() => [|new TcpClient()|];

            TcpClient Second() => {|TST001:new TcpClient()|};
        }
        """;

    public const string TwoClientsFixed = """
        using System.Net.Sockets;

        class C
        {
            TcpClient First() => new TcpClient() { NoDelay = true };

            TcpClient Second() => new TcpClient() { NoDelay = true };
        }
        """;

    public const string OneClient = """
        using System.Net.Sockets;

        class C
        {
            TcpClient Create() => [|new TcpClient()|];
        }
        """;

    public const string Clean = """
        using System.Net.Sockets;

        class C
        {
            TcpClient Create() => new TcpClient("localhost", 80);
        }
        """;
}
