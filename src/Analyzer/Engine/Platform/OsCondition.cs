using KeepAliveAnalyzers.Engine.Sockets;

namespace KeepAliveAnalyzers.Engine.Platform;

/// <summary>
/// What a boolean expression says about the platform: the families that can be running when it is true, and
/// when it is false. <c>OperatingSystem.IsWindows()</c> is (Windows, everything but Windows); an expression
/// that says nothing about the platform is (All, All).
/// </summary>
internal readonly struct OsCondition
{
    public OsCondition(OsFamily whenTrue, OsFamily whenFalse)
    {
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public static OsCondition Unknown => new(OsFamily.All, OsFamily.All);

    public static OsCondition True => new(OsFamily.All, OsFamily.None);

    public static OsCondition False => new(OsFamily.None, OsFamily.All);

    public OsFamily WhenTrue { get; }

    public OsFamily WhenFalse { get; }

    public bool IsUnknown => WhenTrue == OsFamily.All && WhenFalse == OsFamily.All;

    /// <summary>A check that is true exactly on <paramref name="family"/> (<c>IsWindows()</c>, <c>IsLinux()</c>).</summary>
    public static OsCondition Exactly(OsFamily family) => new(family, OsFamily.All & ~family);

    /// <summary>A check that is true only on <paramref name="family"/> but may be false there too (<c>IsMacOS()</c> is false on iOS).</summary>
    public static OsCondition OnlyOn(OsFamily family) => new(family, OsFamily.All);

    public OsCondition Not() => new(WhenFalse, WhenTrue);

    public OsCondition And(OsCondition other) => new(WhenTrue & other.WhenTrue, WhenFalse | other.WhenFalse);

    public OsCondition Or(OsCondition other) => new(WhenTrue | other.WhenTrue, WhenFalse & other.WhenFalse);

    /// <summary>Two ways to the same value (two return statements of one method): either can hold.</summary>
    public OsCondition Union(OsCondition other) => new(WhenTrue | other.WhenTrue, WhenFalse | other.WhenFalse);
}
