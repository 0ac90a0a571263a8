using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Programs written as top-level statements have no enclosing block: the connect that follows the creation must
/// still be found. (The verifier compiles a library, where top-level statements are an error; the analysis still runs.)
/// </summary>
public class KA0001TopLevelProgramTests
{
    [Fact]
    public Task Chat_client_reading_in_a_background_task_is_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading.Tasks;

            var client = {|KA0001:new TcpClient()|};
            await client.ConnectAsync("chat.example", 5000);
            var stream = client.GetStream();
            _ = Task.Run(async () =>
            {
                var buffer = new byte[1024];
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    Console.Write(Encoding.UTF8.GetString(buffer, 0, read));
                }
            });
            while (Console.ReadLine() is { } line)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
            }
            """, new() { AllowCompilerErrors = true, SkipGeneratedCodeCheck = true });

    [Fact]
    public Task One_request_from_a_top_level_program_is_quiet() =>
        Verify.VerifyAsync("""
            using System.Net.Sockets;

            using var client = new TcpClient();
            client.Connect("time.example", 37);
            var buffer = new byte[4];
            client.GetStream().ReadExactly(buffer);
            """, new() { AllowCompilerErrors = true });

    [Fact]
    public Task Never_connected_placeholder_in_a_top_level_program_is_quiet() =>
        Verify.VerifyAsync("""
            using System.Net.Sockets;

            var spare = new TcpClient();
            System.Console.WriteLine(spare.Available);
            """, new() { AllowCompilerErrors = true });
}
