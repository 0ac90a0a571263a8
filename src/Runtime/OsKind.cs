namespace KeepAlive;

/// <summary>The operating-system families whose TCP options differ.</summary>
internal enum OsKind
{
    Other = 0,
    Linux,
    Windows,
    MacOS,
    FreeBsd,
}
