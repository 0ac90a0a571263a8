using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection,
    KeepAliveAnalyzers.CodeFixes.KA0001NoDeadPeerDetectionCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// How the KA0001 fix spells <c>TcpKeepAlive</c>: the simple name when it already binds, the simple name with
/// <c>using KeepAlive;</c> when the using changes the meaning of nothing the file mentions, else
/// <c>KeepAlive.TcpKeepAlive</c>, else <c>global::KeepAlive.TcpKeepAlive</c>. Every branch, and the names that push
/// the choice from one branch to the next.
/// </summary>
public class KA0001NoDeadPeerDetectionCodeFixNamingTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    // ---- simple name, nothing added ----

    [Fact]
    public Task Alias_for_the_helper_is_used_as_it_is() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using TcpKeepAlive = KeepAlive.TcpKeepAlive;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using TcpKeepAlive = KeepAlive.TcpKeepAlive;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Global_using_in_another_file_is_enough() => Verify.VerifyFixAsync(
        [
            """
            global using KeepAlive;
            """,
            """
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
            """,
        ],
        [
            """
            global using KeepAlive;
            """,
            """
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    TcpKeepAlive.Configure(_peer);
                }
            }
            """,
        ],
        WithRuntime);

    // ---- simple name with using KeepAlive; ----

    [Fact]
    public Task Own_type_named_like_an_imported_one_keeps_its_meaning() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        namespace Chat
        {
            class TcpKeepAliveOptions
            {
            }

            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAliveOptions _options = new();

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        namespace Chat
        {
            class TcpKeepAliveOptions
            {
            }

            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAliveOptions _options = new();

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    TcpKeepAlive.Configure(_peer);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Nested_type_named_like_an_imported_one_keeps_its_meaning() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveResult? _last;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }

            private class TcpKeepAliveResult
            {
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveResult? _last;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }

            private class TcpKeepAliveResult
            {
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Alias_beside_the_new_using_keeps_its_meaning() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using TcpKeepAliveOptions = Legacy.Settings;

        namespace Legacy
        {
            public class Settings
            {
            }
        }

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;
        using TcpKeepAliveOptions = Legacy.Settings;

        namespace Legacy
        {
            public class Settings
            {
            }
        }

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Instance_method_named_like_the_extension_keeps_its_meaning() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Tuner
        {
            public void ConfigureTcpKeepAlive()
            {
            }
        }

        class Server
        {
            private readonly Tuner _tuner = new();
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
                _tuner.ConfigureTcpKeepAlive();
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Tuner
        {
            public void ConfigureTcpKeepAlive()
            {
            }
        }

        class Server
        {
            private readonly Tuner _tuner = new();
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
                _tuner.ConfigureTcpKeepAlive();
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Private_TcpKeepAlive_of_a_base_class_does_not_hide_the_import() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Base
        {
            private class TcpKeepAlive
            {
            }
        }

        class Server : Base
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Base
        {
            private class TcpKeepAlive
            {
            }
        }

        class Server : Base
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Type_of_an_enclosing_namespace_keeps_its_meaning() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        namespace Chat
        {
            public class TcpKeepAliveOptions
            {
            }
        }

        namespace Chat.Net
        {
            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAliveOptions _options = new();

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        namespace Chat
        {
            public class TcpKeepAliveOptions
            {
            }
        }

        namespace Chat.Net
        {
            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAliveOptions _options = new();

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    TcpKeepAlive.Configure(_peer);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Type_inherited_from_a_base_class_keeps_its_meaning() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Peer
        {
            protected class TcpKeepAliveOptions
            {
            }
        }

        class Server : Peer
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Peer
        {
            protected class TcpKeepAliveOptions
            {
            }
        }

        class Server : Peer
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Name_that_finds_nothing_yet_is_cured_by_the_using() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions? _options;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions? _options;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime with { AllowCompilerErrors = true });

    // ---- KeepAlive.TcpKeepAlive ----

    [Fact]
    public Task Type_imported_by_using_static_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using static Legacy.Names;

        namespace Legacy
        {
            public static class Names
            {
                public class TcpKeepAliveOptions
                {
                }
            }
        }

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using static Legacy.Names;

        namespace Legacy
        {
            public static class Names
            {
                public class TcpKeepAliveOptions
                {
                }
            }
        }

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                KeepAlive.TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);


    [Fact]
    public Task Imported_name_the_using_would_make_ambiguous_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using Legacy;

        namespace Legacy
        {
            public class TcpKeepAliveOptions
            {
            }
        }

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using Legacy;

        namespace Legacy
        {
            public class TcpKeepAliveOptions
            {
            }
        }

        class Server
        {
            private TcpClient? _peer;
            private TcpKeepAliveOptions _options = new();

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                KeepAlive.TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Extension_the_using_would_make_ambiguous_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using Legacy;

        namespace Legacy
        {
            public static class SocketTuning
            {
                public static void ConfigureTcpKeepAlive(this Socket socket, object? settings = null)
                {
                }
            }
        }

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }

            public void Tune(Socket socket) => socket.ConfigureTcpKeepAlive();
        }
        """, """
        using System.Net.Sockets;
        using Legacy;

        namespace Legacy
        {
            public static class SocketTuning
            {
                public static void ConfigureTcpKeepAlive(this Socket socket, object? settings = null)
                {
                }
            }
        }

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                KeepAlive.TcpKeepAlive.Configure(_peer);
            }

            public void Tune(Socket socket) => socket.ConfigureTcpKeepAlive();
        }
        """, WithRuntime);

    [Fact]
    public Task Alias_a_namespace_using_would_override_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using TcpKeepAliveOptions = Legacy.Settings;

        namespace Legacy
        {
            public class Settings
            {
            }
        }

        namespace Chat
        {
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAliveOptions? _options;

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
        }
        """, """
        using TcpKeepAliveOptions = Legacy.Settings;

        namespace Legacy
        {
            public class Settings
            {
            }
        }

        namespace Chat
        {
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAliveOptions? _options;

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    KeepAlive.TcpKeepAlive.Configure(_peer);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Own_type_named_TcpKeepAlive_keeps_its_meaning_and_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        namespace Chat
        {
            public class TcpKeepAlive
            {
            }

            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAlive? _mine;

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
        }
        """, """
        using System.Net.Sockets;

        namespace Chat
        {
            public class TcpKeepAlive
            {
            }

            class Server
            {
                private TcpClient? _peer;
                private TcpKeepAlive? _mine;

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    KeepAlive.TcpKeepAlive.Configure(_peer);
                }
            }
        }
        """, WithRuntime);

    /// <summary>
    /// Roslyn's import adder (Workspaces 4.5.0) gets this one and <c>Alias_a_namespace_using_would_override_…</c>
    /// wrong: it adds <c>using KeepAlive;</c> inside <c>namespace Chat</c>, which silently rebinds the outer alias to
    /// <c>KeepAlive.TcpKeepAliveOptions</c> (see UsingDirectiveAdder).
    /// </summary>
    [Fact]
    public Task Global_alias_a_namespace_using_would_override_gets_the_qualified_name() => Verify.VerifyFixAsync(
        [
            """
            global using TcpKeepAliveOptions = Legacy.Settings;

            namespace Legacy
            {
                public class Settings
                {
                }
            }
            """,
            """
            namespace Chat
            {
                using System.Net.Sockets;

                class Server
                {
                    private TcpClient? _peer;
                    private TcpKeepAliveOptions? _options;

                    public void Accept(TcpListener listener)
                    {
                        _peer = [|listener.AcceptTcpClient()|];
                    }
                }
            }
            """,
        ],
        [
            """
            global using TcpKeepAliveOptions = Legacy.Settings;

            namespace Legacy
            {
                public class Settings
                {
                }
            }
            """,
            """
            namespace Chat
            {
                using System.Net.Sockets;

                class Server
                {
                    private TcpClient? _peer;
                    private TcpKeepAliveOptions? _options;

                    public void Accept(TcpListener listener)
                    {
                        _peer = listener.AcceptTcpClient();
                        KeepAlive.TcpKeepAlive.Configure(_peer);
                    }
                }
            }
            """,
        ],
        WithRuntime);

    [Fact]
    public Task Local_named_TcpKeepAlive_further_down_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public int Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
                var TcpKeepAlive = 3;
                return TcpKeepAlive;
            }
        }
        """, """
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public int Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                KeepAlive.TcpKeepAlive.Configure(_peer);
                var TcpKeepAlive = 3;
                return TcpKeepAlive;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Lambda_parameter_named_TcpKeepAlive_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _client;

            public void Start(TcpListener listener)
            {
                listener.BeginAcceptTcpClient(TcpKeepAlive => _client = [|listener.EndAcceptTcpClient(TcpKeepAlive)|], null);
            }
        }
        """, """
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _client;

            public void Start(TcpListener listener)
            {
                listener.BeginAcceptTcpClient(TcpKeepAlive =>
                {
                    _client = listener.EndAcceptTcpClient(TcpKeepAlive);
                    KeepAlive.TcpKeepAlive.Configure(_client);
                }, null);
            }
        }
        """, WithRuntime);

    // ---- global::KeepAlive.TcpKeepAlive ----

    [Fact]
    public Task Namespace_with_a_KeepAlive_of_its_own_gets_the_global_name() => Verify.VerifyFixAsync("""
        namespace Chat
        {
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
        }

        namespace Chat.KeepAlive
        {
            class Marker
            {
            }
        }
        """, """
        namespace Chat
        {
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    global::KeepAlive.TcpKeepAlive.Configure(_peer);
                }
            }
        }

        namespace Chat.KeepAlive
        {
            class Marker
            {
            }
        }
        """, WithRuntime);
}
