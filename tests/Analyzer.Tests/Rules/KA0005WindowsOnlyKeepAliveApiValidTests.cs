using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verifier = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0005WindowsOnlyKeepAliveApi>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// KA0005 stays quiet: every platform check it recognises, Windows-only targets, the CA1416 split on .NET 5+, catches
/// that do something about the failure, and option numbers that are mapped or unambiguous. The unguarded twin of each
/// case is reported (see KA0005WindowsOnlyKeepAliveApiDiagnosticTests), so each case fails if the guard is missed.
/// </summary>
public class KA0005WindowsOnlyKeepAliveApiValidTests
{
    private const string Template = KA0005WindowsOnlyKeepAliveApiDiagnosticTests.Template;

    private const string IoControl = "socket.IOControl(IOControlCode.KeepAliveValues, Values, null)";
    private const string NumericIoControl = "socket.IOControl(SioKeepAliveVals, Values, null)";

    private static Task Verify(string body, TestTargetFramework framework, string? editorConfig = null) =>
        Verifier.VerifyAsync(
            Template.Replace("/*body*/", body.Replace("IOCTL", IoControl).Replace("NUMERIC", NumericIoControl)),
            new() { TargetFramework = framework, EditorConfig = editorConfig });

    [Theory]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) IOCTL;")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) { socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); IOCTL; }")]
    [InlineData("if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return; IOCTL;")]
    [InlineData("if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) { Log(\"no keepalive tuning\"); return; } IOCTL;")]
    [InlineData("if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) throw new PlatformNotSupportedException(); IOCTL;")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Create(\"WINDOWS\"))) IOCTL;")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) == true) IOCTL;")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) != false) IOCTL;")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && socket.Connected) IOCTL;")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) { } else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) { } else { IOCTL; }")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return; IOCTL;")]
    [InlineData("if (Environment.OSVersion.Platform == PlatformID.Win32NT) IOCTL;")]
    [InlineData("if (PlatformID.Win32NT == Environment.OSVersion.Platform) IOCTL;")]
    [InlineData("if (Environment.OSVersion.Platform != PlatformID.Win32NT) { return; } IOCTL;")]
    [InlineData("if (Environment.OSVersion.Platform is PlatformID.Win32NT) IOCTL;")]
    [InlineData("if (Environment.OSVersion.Platform is not PlatformID.Win32NT) return; IOCTL;")]
    [InlineData("if (System.IO.Path.DirectorySeparatorChar == '\\\\') IOCTL;")]
    [InlineData("var isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows); if (isWindows) IOCTL;")]
    [InlineData("_ = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? IOCTL : 0;")]
    [InlineData("_ = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && IOCTL == 0;")]
    [InlineData("_ = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || IOCTL == 0;")]
    [InlineData("foreach (var s in new[] { socket }) { if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) continue; s.IOControl(IOControlCode.KeepAliveValues, Values, null); }")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) { Action apply = () => IOCTL; apply(); }")]
    public Task Platform_checks_on_netstandard(string body) => Verify(body, TestTargetFramework.NetStandard20);

    [Theory]
    [InlineData("if (OperatingSystem.IsWindows()) NUMERIC;")]
    [InlineData("if (!OperatingSystem.IsWindows()) return; NUMERIC;")]
    [InlineData("if (OperatingSystem.IsWindowsVersionAtLeast(10)) NUMERIC;")]
    [InlineData("if (OperatingSystem.IsOSPlatform(\"windows\")) NUMERIC;")]
    [InlineData("if (OperatingSystem.IsOSPlatformVersionAtLeast(\"Windows\", 10)) NUMERIC;")]
    [InlineData("if (OperatingSystem.IsLinux()) { } else if (OperatingSystem.IsMacOS()) { } else NUMERIC;")]
    [InlineData("if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) return; NUMERIC;")]
    [InlineData("if (OperatingSystem.IsWindows()) socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)18, 1);")]
    [InlineData("if (OperatingSystem.IsWindows()) socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120);")]
    [InlineData("if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (OperatingSystem.IsWindows()) socket.SetRawSocketOption(6, 3, BitConverter.GetBytes(60));")]
    [InlineData("if (OperatingSystem.IsMacOS()) socket.SetRawSocketOption(6, 0x10, BitConverter.GetBytes(60));")]
    [InlineData("if (OperatingSystem.IsMacOS()) socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120));")]
    [InlineData("if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, 5, BitConverter.GetBytes(10)); else if (OperatingSystem.IsWindows()) socket.SetRawSocketOption(6, 17, BitConverter.GetBytes(10));")]
    [InlineData("if (!OperatingSystem.IsLinux()) return; socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (Environment.OSVersion.Platform == PlatformID.Win32NT) socket.SetRawSocketOption(6, 16, BitConverter.GetBytes(6));")]
    public Task Platform_checks_on_net8(string body) => Verify(body, TestTargetFramework.Net80);

    /// <summary>Every Windows check the rule reads (netstandard2.0 spellings), each around every Windows-only call form.</summary>
    private static readonly string[] WindowsChecks =
    [
        "if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) STMT",
        "if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return; STMT",
        "if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) throw new PlatformNotSupportedException(); STMT",
        "if (RuntimeInformation.IsOSPlatform(OSPlatform.Create(\"WINDOWS\"))) STMT",
        "if (Environment.OSVersion.Platform == PlatformID.Win32NT) STMT",
        "if (Environment.OSVersion.Platform != PlatformID.Win32NT) return; STMT",
        "if (Environment.OSVersion.Platform is PlatformID.Win32NT) STMT",
        "if (System.IO.Path.DirectorySeparatorChar == '\\\\') STMT",
        "var onWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows); if (onWindows) STMT",
        "if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return; STMT",
        "if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) { } else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) { } else { STMT }",
        "if (!(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && socket.Connected)) return; STMT",
    ];

    private static readonly string[] WindowsOnlyCalls =
    [
        "socket.IOControl(IOControlCode.KeepAliveValues, Values, null);",
        "socket.IOControl(SioKeepAliveVals, Values, null);",
        "socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120);",
        "socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)18, 1);",
    ];

    public static TheoryData<string, string> WindowsCheckAroundWindowsCall()
    {
        var data = new TheoryData<string, string>();
        foreach (var check in WindowsChecks)
        {
            foreach (var call in WindowsOnlyCalls)
            {
                data.Add(check, call);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WindowsCheckAroundWindowsCall))]
    public Task Every_Windows_check_around_every_Windows_only_call(string check, string call) =>
        Verify(check.Replace("STMT", call), TestTargetFramework.NetStandard20);

    /// <summary>Raw option numbers under the check for the OS whose meaning they carry.</summary>
    [Theory]
    [InlineData("if (OperatingSystem.IsLinux()) STMT", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (OperatingSystem.IsLinux()) STMT", "socket.SetRawSocketOption(6, 5, BitConverter.GetBytes(10));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) STMT", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) STMT", "socket.SetRawSocketOption(6, 5, BitConverter.GetBytes(10));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.Create(\"LINUX\"))) STMT", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (!OperatingSystem.IsLinux()) return; STMT", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (!OperatingSystem.IsLinux()) return; STMT", "socket.SetRawSocketOption(6, 3, BitConverter.GetBytes(1));")]
    [InlineData("if (OperatingSystem.IsOSPlatform(\"linux\")) STMT", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (OperatingSystem.IsAndroid()) STMT", "socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (Environment.OSVersion.Platform == PlatformID.Win32NT) { } else if (OperatingSystem.IsLinux()) STMT", "socket.SetRawSocketOption(6, 17, BitConverter.GetBytes(1));")]
    [InlineData("if (OperatingSystem.IsMacOS()) STMT", "socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120));")]
    [InlineData("if (OperatingSystem.IsMacOS()) STMT", "socket.SetRawSocketOption(6, 16, BitConverter.GetBytes(60));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) STMT", "socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120));")]
    [InlineData("if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) STMT", "socket.SetRawSocketOption(6, 0x10, BitConverter.GetBytes(60));")]
    [InlineData("if (!OperatingSystem.IsMacOS()) return; STMT", "socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120));")]
    [InlineData("if (OperatingSystem.IsOSPlatform(\"macos\")) STMT", "socket.SetRawSocketOption(6, 16, BitConverter.GetBytes(60));")]
    [InlineData("if (OperatingSystem.IsWindows()) STMT", "socket.SetRawSocketOption(6, 16, BitConverter.GetBytes(6));")]
    [InlineData("if (OperatingSystem.IsWindows()) STMT", "socket.SetRawSocketOption(6, 14, BitConverter.GetBytes(120_000));")]
    [InlineData("if (OperatingSystem.IsWindowsVersionAtLeast(10, 0, 16299)) STMT", "socket.SetRawSocketOption(6, 17, BitConverter.GetBytes(10));")]
    [InlineData("if (!OperatingSystem.IsWindows()) return; STMT", "socket.SetRawSocketOption(6, 5, BitConverter.GetBytes(120));")]
    public Task Raw_numbers_under_the_check_for_their_OS(string check, string call) =>
        Verify(check.Replace("STMT", call), TestTargetFramework.Net80);

    [Theory]
    [InlineData("IOCTL;")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, Values, Array.Empty<byte>());")]
    [InlineData("var code = IOControlCode.KeepAliveValues; socket.IOControl(code, Values, null);")]
    [InlineData("const IOControlCode code = IOControlCode.KeepAliveValues; socket.IOControl(code, Values, null);")]
    public Task Enum_member_form_on_net8_is_left_to_CA1416(string body) => Verify(body, TestTargetFramework.Net80);

    [Theory]
    [InlineData("dotnet_diagnostic.CA1416.severity = warning")]
    [InlineData("dotnet_diagnostic.CA1416.severity = error")]
    [InlineData("dotnet_diagnostic.KA0001.severity = none")]
    [InlineData("[Other.cs]\ndotnet_diagnostic.CA1416.severity = none")]
    public Task Enum_member_form_on_net8_while_CA1416_is_on(string editorConfig) => Verify("IOCTL;", TestTargetFramework.Net80, editorConfig);

    [Theory]
    [InlineData("build_property.TargetFramework = net8.0-windows")]
    [InlineData("build_property.TargetFramework = net8.0-windows10.0.19041.0")]
    [InlineData("build_property.TargetFramework = net48")]
    [InlineData("build_property.TargetFramework = net462")]
    [InlineData("build_property.TargetFrameworkIdentifier = .NETFramework")]
    [InlineData("build_property.TargetPlatformIdentifier = Windows")]
    [InlineData("build_property.TargetFramework = net6.0")]
    public Task Targets_that_are_Windows_only_or_covered_by_CA1416(string editorConfig) =>
        Verify("IOCTL;", TestTargetFramework.NetStandard20, editorConfig);

    [Theory]
    [InlineData("build_property.TargetFramework = net8.0-windows", "NUMERIC; socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1)); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 1);")]
    [InlineData("build_property.TargetFramework = net8.0-windows", "try { IOCTL; } catch (PlatformNotSupportedException) { }")]
    public Task Windows_target_silences_every_form(string editorConfig, string body) => Verify(body, TestTargetFramework.Net80, editorConfig);

    [Theory]
    [InlineData("try { IOCTL; } catch (PlatformNotSupportedException) { socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60); }")]
    [InlineData("var enabled = true; try { IOCTL; } catch (PlatformNotSupportedException) { Log(\"keepalive disabled\"); enabled = false; } _ = enabled;")]
    [InlineData("Action<string>? logger = Log; try { IOCTL; } catch (PlatformNotSupportedException) { logger?.Invoke(\"fallback\"); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60); }")]
    [InlineData("Action<string>? callback = Log; try { IOCTL; } catch (PlatformNotSupportedException) { callback?.Invoke(\"fallback\"); }")]
    [InlineData("try { IOCTL; } catch (PlatformNotSupportedException) { Log(\"falling back\"); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60); }")]
    [InlineData("try { IOCTL; } catch (NotSupportedException) { socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, 10); }")]
    [InlineData("try { socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); IOCTL; } catch (Exception) { socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60); }")]
    [InlineData("try { if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) IOCTL; } catch (PlatformNotSupportedException) { }")]
    [InlineData("try { socket.Connect(endPoint); } catch (PlatformNotSupportedException) { }")]
    [InlineData("try { socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); } catch (Exception) { }")]
    public Task Catches_that_handle_the_failure_or_have_nothing_to_catch(string body) => Verify(body, TestTargetFramework.NetStandard20);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 6);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, 10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)0x10, 6);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, (SocketOptionName)18, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.IP, (SocketOptionName)18, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);")]
    [InlineData("try { socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120); } catch (SocketException) { }")]
    [InlineData("try { socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)14, 120_000); } catch (Exception) { }")]
    [InlineData("var name = (SocketOptionName)Environment.ProcessorCount; socket.SetSocketOption(SocketOptionLevel.Tcp, name, 1);")]
    [InlineData("socket.IOControl(IOControlCode.DataToRead, null, Values);")]
    [InlineData("socket.IOControl(-1744830452, new byte[] { 0 }, null);")]
    public Task Mapped_or_harmless_option_numbers_on_netstandard(string body) => Verify(body, TestTargetFramework.NetStandard20);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData("socket.SetRawSocketOption(6, 1, BitConverter.GetBytes(1));")]
    [InlineData("socket.SetRawSocketOption(6, 2, BitConverter.GetBytes(1400));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)1, 1);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)15, 1);")]
    [InlineData("if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(60));")]
    [InlineData("if (OperatingSystem.IsLinux()) { socket.SetRawSocketOption(6, 6, BitConverter.GetBytes(6)); }")]
    [InlineData("int option = endPoint.Port; socket.SetRawSocketOption(6, option, BitConverter.GetBytes(60));")]
    [InlineData("int option = 4; if (endPoint.Port > 0) { option = endPoint.Port; } socket.SetRawSocketOption(6, option, BitConverter.GetBytes(60));")]
    [InlineData("int option = 4; option += 1; socket.SetRawSocketOption(6, option, BitConverter.GetBytes(60));")]
    [InlineData("var option = endPoint.Port > 0 ? 1 : 2; socket.SetRawSocketOption(6, option, BitConverter.GetBytes(1));")]
    // Variables that feed each other: the search ends (a cycle must not overflow the stack) and the value stays unknown.
    [InlineData("int a = 0, b = 0; a = b; b = a; socket.SetRawSocketOption(6, a, BitConverter.GetBytes(1));")]
    [InlineData("int a = 4; int b = a; a = b; a = b + 0; socket.SetRawSocketOption(6, a, BitConverter.GetBytes(1));")]
    [InlineData("socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1));")]
    [InlineData("socket.SetRawSocketOption(0xffff, 18, BitConverter.GetBytes(1));")]
    [InlineData("_ = socket.GetRawSocketOption(6, 18, new byte[4]);")]
    [InlineData("var level = Environment.ProcessorCount; socket.SetRawSocketOption(level, 18, BitConverter.GetBytes(1));")]
    public Task Mapped_or_harmless_option_numbers_on_net8(string body) => Verify(body, TestTargetFramework.Net80);

    [Fact]
    public Task Fields_initialised_from_each_other_end_the_search() => Verifier.VerifyAsync(
        Template.Replace("/*body*/", "socket.SetRawSocketOption(6, First, BitConverter.GetBytes(1));").Replace(
            "private static void Log",
            "private static readonly int First = Second;\n    private static readonly int Second = First;\n\n    private static void Log"),
        new() { TargetFramework = TestTargetFramework.Net80 });

    [Theory]
    [InlineData("SetTcp(socket, endPoint.Port, 60);")]
    [InlineData("SetTcp(socket, 1, 1); SetTcp(socket, 2, 1400);")]
    [InlineData("if (OperatingSystem.IsLinux()) { SetTcp(socket, 4, 60); }")]
    [InlineData("Action<Socket, int, int> set = SetTcp; set(socket, 4, 60);")]
    [InlineData("int noDelay = 1; SetTcp(socket, noDelay, 1);")]
    public Task Helper_parameters_that_are_unknown_harmless_or_guarded(string body) => Verifier.VerifyAsync(
        Template.Replace("/*body*/", body).Replace(
            "private static void Log",
            "private static void SetTcp(Socket socket, int name, int value) => socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value));\n\n    private static void Log"),
        new() { TargetFramework = TestTargetFramework.Net80 });

    /// <summary>Fields the indirect cases below read; KeepIdleField is the one the diagnostic twins report unguarded.</summary>
    private const string IndirectFields = """
            private static readonly int KeepIdleField = 4;
            private static readonly int MaxSegField = 2;
            private static readonly int KeepIntervalField = 17;
            private static int _keepIdleOption;

            public static void Configure(int keepIdleOption) => _keepIdleOption = keepIdleOption;

        """;

    // The number reaches the call through a local, a field, a conditional or a cast of one, as in
    // KA0005WindowsOnlyKeepAliveApiDiagnosticTests.Numbers_that_arrive_indirectly, but every value it can hold is mapped
    // on Unix, is no dead-peer option, sits under the check for its OS, is a TCP_MAXRT tried as best effort, or is known
    // only at run time. Each row's twin is reported: 4 or 5 in place of the mapped or harmless number, level 6 in place
    // of 0xffff, no guard, a catch of another exception, or a call of Configure(4) in source.
    [Theory]
    [InlineData("if (OperatingSystem.IsLinux()) { int keepIdle = 4; socket.SetRawSocketOption(6, keepIdle, BitConverter.GetBytes(60)); }")]
    [InlineData("if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, KeepIdleField, BitConverter.GetBytes(60));")]
    [InlineData("var idle = endPoint.Port > 0; if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, idle ? 4 : 5, BitConverter.GetBytes(60));")]
    [InlineData("int maxRt = 5; if (OperatingSystem.IsWindows()) socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)maxRt, 120);")]
    [InlineData("int maxRt = 5; try { socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)maxRt, 120); } catch (SocketException) { }")]
    [InlineData("var name = endPoint.Port > 0 ? SocketOptionName.TcpKeepAliveTime : SocketOptionName.TcpKeepAliveInterval; socket.SetSocketOption(SocketOptionLevel.Tcp, name, 60);")]
    [InlineData("var fast = endPoint.Port > 0; socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)(fast ? 3 : 17), 10);")]
    [InlineData("int keepAliveTime = 3; socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)keepAliveTime, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)KeepIntervalField, 10);")]
    [InlineData("socket.SetRawSocketOption(6, MaxSegField, BitConverter.GetBytes(1400));")]
    // 18 at the socket level is SO_RCVLOWAT on Linux, not TCP_USER_TIMEOUT.
    [InlineData("int option = 18; socket.SetRawSocketOption(0xffff, option, BitConverter.GetBytes(1));")]
    // The number is written only from outside the project (configuration read at run time).
    [InlineData("socket.SetRawSocketOption(6, _keepIdleOption, BitConverter.GetBytes(60));")]
    public Task Numbers_that_arrive_indirectly_mapped_harmless_guarded_or_unknown(string body) => Verifier.VerifyAsync(
        Template.Replace("/*body*/", body).Replace("    private static void Log", IndirectFields + "    private static void Log"),
        new() { TargetFramework = TestTargetFramework.Net80 });

    // A helper receives the number: its callers pass mapped members, it checks the OS itself, every caller is under a
    // Linux check or attribute (one or two levels up), it is public and called from nowhere in source, or the number
    // is picked per OS by a method whose result the analysis does not read. The same helpers without the guard, or
    // called in source with 4 or (SocketOptionName)4, are reported; the last row keeps return values from being followed
    // without the OS checks that choose them.
    [Theory]
    [InlineData(
        "SetTcp(socket, SocketOptionName.TcpKeepAliveTime, 60); SetTcp(socket, SocketOptionName.TcpKeepAliveInterval, 10); SetTcp(socket, SocketOptionName.TcpKeepAliveRetryCount, 6);",
        "private static void SetTcp(Socket socket, SocketOptionName name, int value) => socket.SetSocketOption(SocketOptionLevel.Tcp, name, value);")]
    [InlineData(
        "SetLinuxTcp(socket, 4, 60); SetLinuxTcp(socket, 18, 120_000);",
        "private static void SetLinuxTcp(Socket socket, int name, int value) { if (!OperatingSystem.IsLinux()) return; socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value)); }")]
    [InlineData(
        "if (OperatingSystem.IsLinux()) ConfigureLinux(socket);",
        "private static void ConfigureLinux(Socket socket) => SetTcp(socket, 4, 60); private static void SetTcp(Socket socket, int name, int value) => socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value));")]
    [InlineData(
        "ConfigureLinux(socket);",
        "[System.Runtime.Versioning.SupportedOSPlatform(\"linux\")] private static void ConfigureLinux(Socket socket) => SetTcp(socket, 4, 60); private static void SetTcp(Socket socket, int name, int value) => socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value));")]
    [InlineData(
        "",
        "public static void SetTcpOption(Socket socket, int name, int value) => socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value));")]
    [InlineData(
        "socket.SetRawSocketOption(6, KeepIdleNumber(), BitConverter.GetBytes(60));",
        "private static int KeepIdleNumber() { if (OperatingSystem.IsWindows()) return 3; if (OperatingSystem.IsMacOS()) return 0x10; if (OperatingSystem.IsLinux()) return 4; throw new PlatformNotSupportedException(); }")]
    public Task Numbers_that_arrive_through_helpers_mapped_guarded_or_unknown(string body, string helpers) => Verifier.VerifyAsync(
        Template.Replace("/*body*/", body).Replace("private static void Log", helpers + "\n\n    private static void Log"),
        new() { TargetFramework = TestTargetFramework.Net80 });

    private const string Attributed = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.Versioning;

        [SupportedOSPlatform("windows")]
        public static class WindowsKeepAlive
        {
            public static void Apply(Socket socket) => socket.IOControl(unchecked((int)0x98000004), new byte[12], null);
        }

        public static class PerOs
        {
            [SupportedOSPlatform("windows")]
            public static void Windows(Socket socket) => socket.IOControl(unchecked((int)0x98000004), new byte[12], null);

            [SupportedOSPlatform("linux")]
            public static void Linux(Socket socket) => socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));

            [SupportedOSPlatform("macos")]
            public static void Mac(Socket socket) => socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120));

            [UnsupportedOSPlatform("linux")]
            [UnsupportedOSPlatform("macos")]
            public static void NotUnix(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120);

            [SupportedOSPlatformGuard("windows")]
            private static bool IsWindowsHost => OperatingSystem.IsWindows();

            public static void Guarded(Socket socket)
            {
                if (IsWindowsHost)
                {
                    socket.IOControl(unchecked((int)0x98000004), new byte[12], null);
                }
            }
        }
        """;

    [Fact]
    public Task SupportedOSPlatform_on_types_methods_and_guards() => Verifier.VerifyAsync(Attributed);

    private const string AssemblyAttributed = """
        using System.Net.Sockets;
        using System.Runtime.Versioning;

        [assembly: SupportedOSPlatform("windows")]

        public static class Tuning
        {
            public static void Apply(Socket socket) => socket.IOControl(unchecked((int)0x98000004), new byte[12], null);
        }
        """;

    [Fact]
    public Task SupportedOSPlatform_on_the_assembly() => Verifier.VerifyAsync(AssemblyAttributed);

    /// <summary>netstandard2.0 has no SupportedOSPlatformAttribute; libraries declare their own internal copy.</summary>
    private const string PolyfilledAttribute = """
        using System;
        using System.Net.Sockets;

        namespace System.Runtime.Versioning
        {
            [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
            internal sealed class SupportedOSPlatformAttribute : Attribute
            {
                public SupportedOSPlatformAttribute(string platformName) => PlatformName = platformName;
                public string PlatformName { get; }
            }
        }

        namespace Net.Tuning
        {
            using System.Runtime.Versioning;

            public static class WindowsSockets
            {
                [SupportedOSPlatform("windows")]
                public static void Apply(Socket socket) => socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);
            }
        }
        """;

    [Fact]
    public Task Polyfilled_SupportedOSPlatform_on_netstandard() =>
        Verifier.VerifyAsync(PolyfilledAttribute, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    /// <summary>A helper every caller guards (the Fleck shape), with the team's own platform check in another class.</summary>
    private const string GuardedByTheCaller = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        internal static class Runtime
        {
            public static bool IsRunningOnMono() => Type.GetType("Mono.Runtime") != null;

            public static bool IsRunningOnWindows()
            {
                return RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            }
        }

        public sealed class SocketWrapper
        {
            private readonly Socket _socket;

            public SocketWrapper(Socket socket)
            {
                _socket = socket;
                if (Runtime.IsRunningOnWindows())
                {
                    SetKeepAlive(socket, 60000, 10000);
                }
            }

            public void SetKeepAlive(Socket socket, uint interval, uint retry)
            {
                var values = new byte[12];
                BitConverter.GetBytes(1u).CopyTo(values, 0);
                BitConverter.GetBytes(interval).CopyTo(values, 4);
                BitConverter.GetBytes(retry).CopyTo(values, 8);
                socket.IOControl(IOControlCode.KeepAliveValues, values, null);
            }
        }
        """;

    [Fact]
    public Task Helper_guarded_by_every_caller() =>
        Verifier.VerifyAsync(GuardedByTheCaller, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    /// <summary>Two levels of overloads down from the only guarded call (the SMBLibrary shape), and an IsWindows() that swallows its own exception (MySqlConnector).</summary>
    private const string GuardedTwoLevelsUp = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        internal static class Utility
        {
            public static bool IsWindows()
            {
                try
                {
                    return RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
                }
                catch (PlatformNotSupportedException)
                {
                    return false;
                }
            }
        }

        internal static class SocketUtils
        {
            public static void SetKeepAlive(Socket socket, TimeSpan timeout) => SetKeepAlive(socket, true, timeout, TimeSpan.FromSeconds(1));

            public static void SetKeepAlive(Socket socket, bool enable, TimeSpan timeout, TimeSpan interval)
            {
                var values = new byte[12];
                BitConverter.GetBytes(enable ? 1u : 0u).CopyTo(values, 0);
                BitConverter.GetBytes((uint)timeout.TotalMilliseconds).CopyTo(values, 4);
                BitConverter.GetBytes((uint)interval.TotalMilliseconds).CopyTo(values, 8);
                socket.IOControl(IOControlCode.KeepAliveValues, values, null);
            }
        }

        public sealed class Server
        {
            public void OnAccept(Socket accepted)
            {
                if (Utility.IsWindows())
                {
                    SocketUtils.SetKeepAlive(accepted, TimeSpan.FromMinutes(2));
                }
            }
        }
        """;

    [Fact]
    public Task Helper_guarded_two_levels_up() =>
        Verifier.VerifyAsync(GuardedTwoLevelsUp, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    /// <summary>Platform checks kept in members: a property, a get-only auto-property, a readonly field, a Framework check by name.</summary>
    private const string ChecksInMembers = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public static class Platform
        {
            public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            public static bool IsWindowsHost { get; } = Environment.OSVersion.Platform == PlatformID.Win32NT;
            public static readonly bool OnWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            public static bool IsLinux() => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

            private static bool IsDotNetFramework()
            {
                const string Framework = ".NET Framework";
                return RuntimeInformation.FrameworkDescription.StartsWith(Framework);
            }

            public static void Apply(Socket socket, byte[] values)
            {
                if (IsWindows) socket.IOControl(IOControlCode.KeepAliveValues, values, null);
                if (IsWindowsHost) socket.IOControl(IOControlCode.KeepAliveValues, values, null);
                if (OnWindows) socket.IOControl(IOControlCode.KeepAliveValues, values, null);
                if (IsDotNetFramework()) socket.IOControl(IOControlCode.KeepAliveValues, values, null);
                if (!IsLinux() && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) socket.IOControl(IOControlCode.KeepAliveValues, values, null);
            }
        }
        """;

    [Fact]
    public Task Platform_checks_kept_in_members() =>
        Verifier.VerifyAsync(ChecksInMembers, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    /// <summary>A probe-then-fall-back helper (the NLog syslog target shape): mapped casts first, IOControl only on Windows.</summary>
    private const string ProbeThenFallBack = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        internal sealed class SocketInitializationForWindows
        {
            private const SocketOptionName TcpKeepAliveTime = (SocketOptionName)0x3;
            private const SocketOptionName TcpKeepAliveInterval = (SocketOptionName)0x11;
            private const SocketOptionName TcpKeepAliveRetryCount = (SocketOptionName)0x10;

            public void Apply(Socket socket, int timeSeconds, int intervalSeconds, int retries)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                try
                {
                    socket.SetSocketOption(SocketOptionLevel.Tcp, TcpKeepAliveTime, timeSeconds);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, TcpKeepAliveInterval, intervalSeconds);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, TcpKeepAliveRetryCount, retries);
                }
                catch (SocketException) when (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                    {
                        socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Probe_then_fall_back_to_IOControl_on_Windows() =>
        Verifier.VerifyAsync(ProbeThenFallBack, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    /// <summary>Not System.Net.Sockets.Socket: a team's own type with the same method names.</summary>
    private const string LookAlike = """
        namespace Device
        {
            public enum IOControlCode : long { KeepAliveValues = 2550136836 }

            public sealed class Socket
            {
                public int IOControl(IOControlCode code, byte[] input, byte[]? output) => 0;
                public void SetRawSocketOption(int level, int name, byte[] value) { }
            }

            public static class Use
            {
                public static void Apply(Socket socket)
                {
                    socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);
                    socket.SetRawSocketOption(6, 18, new byte[4]);
                }
            }
        }
        """;

    [Fact]
    public Task Look_alike_socket_types() => Verifier.VerifyAsync(LookAlike, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    /// <summary>A number picked per OS before the call: each value is right on the OS its branch checks.</summary>
    private const string NumberPickedPerOsInATernary = """
        using System;
        using System.Net.Sockets;

        public static class Tuning
        {
            public static void KeepIdle(Socket socket, int seconds)
            {
                int keepIdle = OperatingSystem.IsWindows() ? 3 : OperatingSystem.IsMacOS() ? 0x10 : 4;
                socket.SetRawSocketOption(6, keepIdle, BitConverter.GetBytes(seconds));
            }
        }
        """;

    [Fact]
    public Task A_number_picked_per_OS_by_a_conditional() => Verifier.VerifyAsync(NumberPickedPerOsInATernary);

    private const string NumberPickedPerOsInAStaticConstructor = """
        using System;
        using System.Net.Sockets;

        public static class Tuning
        {
            private static readonly int KeepIdle;

            static Tuning()
            {
                KeepIdle = OperatingSystem.IsWindows() ? 3 : OperatingSystem.IsMacOS() ? 0x10 : 4;
            }

            public static void Apply(Socket socket, int seconds) => socket.SetRawSocketOption(6, KeepIdle, BitConverter.GetBytes(seconds));
        }
        """;

    [Fact]
    public Task A_number_picked_per_OS_into_a_field() => Verifier.VerifyAsync(NumberPickedPerOsInAStaticConstructor);

    private const string HelperCalledPerOs = """
        using System;
        using System.Net.Sockets;

        public static class Tuning
        {
            public static void Apply(Socket socket)
            {
                if (OperatingSystem.IsLinux())
                {
                    SetTcp(socket, 4, 60);
                }
                else if (OperatingSystem.IsWindows())
                {
                    SetTcp(socket, 3, 60);
                }
            }

            private static void SetTcp(Socket socket, int name, int value) =>
                socket.SetRawSocketOption(6, name, BitConverter.GetBytes(value));
        }
        """;

    [Fact]
    public Task A_helper_called_with_each_OS_number_under_its_check() => Verifier.VerifyAsync(HelperCalledPerOs);

    private const string NumberAssignedPerOs = """
        using System;
        using System.Net.Sockets;

        public static class Tuning
        {
            public static void KeepIdle(Socket socket, int seconds)
            {
                var name = 4;
                if (OperatingSystem.IsMacOS())
                {
                    name = 0x10;
                }

                if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
                {
                    socket.SetRawSocketOption(6, name, BitConverter.GetBytes(seconds));
                }
            }
        }
        """;

    [Fact]
    public Task A_number_reassigned_under_an_OS_check() => Verifier.VerifyAsync(NumberAssignedPerOs);
}
