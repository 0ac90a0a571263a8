using System;
using System.Runtime.InteropServices;
using Xunit.Sdk;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>
/// Whether this machine can run the dead-peer tests (docs: dead-peer-testing.md, "Preconditions"): Linux, euid 0,
/// <c>ip netns add</c>, a veth pair into the namespace, and a clsact qdisc with the one-instruction BPF drop filter.
/// Probed once per process by building and deleting a throwaway namespace.
/// </summary>
internal static class DeadPeerEnvironment
{
    private static readonly Lazy<string?> UnmetPrecondition = new(Probe);

    /// <summary>CI sets CI=true; there an unmet precondition fails the tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? WhyUnavailable => UnmetPrecondition.Value;

    /// <summary>Fails the calling test when a precondition is unmet (reached only in CI: elsewhere the test is skipped).</summary>
    public static void Require()
    {
        if (WhyUnavailable is { } reason)
            throw new XunitException($"Dead-peer test preconditions unmet with CI=true: {reason}");
    }

    private static string? Probe()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            return "network namespaces need Linux";
        if (geteuid() != 0)
            return "needs root (euid 0) for ip netns / tc";
        if (Command.TryRun("perl", "-MIO::Socket::INET", "-MIO::Select", "-e", "1") is { ExitCode: not 0 } perl)
            return $"the peer echo server needs perl with IO::Socket::INET: {perl.Output}";

        var names = TopologyNames.Next();
        try
        {
            return Attempt("ip netns add", "ip", "netns", "add", names.Namespace)
                ?? Attempt("veth creation", "ip", "link", "add", names.HostInterface, "type", "veth",
                    "peer", "name", names.PeerInterface, "netns", names.Namespace)
                ?? Attempt("tc clsact qdisc", "tc", "-n", names.Namespace, "qdisc", "add", "dev", names.PeerInterface, "clsact")
                ?? Attempt("tc BPF drop filter", "tc", "-n", names.Namespace, "filter", "add", "dev", names.PeerInterface,
                    "ingress", "pref", "1", "bpf", "da", "bytecode", CuttablePeer.DropEverythingBpf);
        }
        finally
        {
            Command.TryRun("ip", "link", "del", names.HostInterface);
            Command.TryRun("ip", "netns", "del", names.Namespace);
        }
    }

    private static string? Attempt(string what, string program, params string[] arguments)
    {
        var (exitCode, output) = Command.TryRun(program, arguments);
        return exitCode == 0 ? null : $"{what} failed (`{Command.Describe(program, arguments)}` exited {exitCode}: {output})";
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern uint geteuid();
}
