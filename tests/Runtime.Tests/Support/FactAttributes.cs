using System;
using Xunit;

namespace KeepAlive.Tests.Support;

/// <summary>A fact that reads raw Linux option numbers back, so it only means something on Linux.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "reads Linux socket options back";
    }
}

/// <summary>A theory that reads raw Linux option numbers back.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "reads Linux socket options back";
    }
}

/// <summary>A fact that needs a privileged process (a raw socket needs CAP_NET_RAW).</summary>
public sealed class PrivilegedFactAttribute : FactAttribute
{
    public PrivilegedFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess) Skip = "creating a raw socket needs a privileged process";
    }
}
