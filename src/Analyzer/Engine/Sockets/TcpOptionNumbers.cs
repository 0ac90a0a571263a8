using System.Collections.Generic;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>
/// Every TCP-level (<c>IPPROTO_TCP</c> = 6) option number Linux, Windows, macOS and FreeBSD define, and what it means
/// on each: one number often names a different option on another OS, so a raw number written for one kernel sets
/// something else, or fails, on the others. The table is docs/socket-options.md §1.5 (a meta test keeps the two
/// equal); its sources are Linux <c>include/uapi/linux/tcp.h</c>, Windows <c>ws2def.h</c>/<c>ws2ipdef.h</c>/<c>mswsock.h</c>,
/// XNU <c>bsd/netinet/tcp.h</c> and FreeBSD <c>sys/netinet/tcp.h</c> (FreeBSD's vendor range from 0x80000000 is left out).
/// </summary>
internal static class TcpOptionNumbers
{
    public const int TcpLevel = 6;

    /// <summary>Number → (Linux, Windows, macOS, FreeBSD) option name; null where the OS defines none.</summary>
    internal static readonly IReadOnlyDictionary<int, (string? Linux, string? Windows, string? Apple, string? FreeBsd)> All =
        new Dictionary<int, (string? Linux, string? Windows, string? Apple, string? FreeBsd)>
    {
        [1] = ("TCP_NODELAY", "TCP_NODELAY", "TCP_NODELAY", "TCP_NODELAY"),
        [2] = ("TCP_MAXSEG", "TCP_EXPEDITED_1122", "TCP_MAXSEG", "TCP_MAXSEG"),
        [3] = ("TCP_CORK", "TCP_KEEPALIVE", null, null),
        [4] = ("TCP_KEEPIDLE", "TCP_MAXSEG", "TCP_NOPUSH", "TCP_NOPUSH"),
        [5] = ("TCP_KEEPINTVL", "TCP_MAXRT", null, null),
        [6] = ("TCP_KEEPCNT", "TCP_STDURG", null, null),
        [7] = ("TCP_SYNCNT", "TCP_NOURG", null, null),
        [8] = ("TCP_LINGER2", "TCP_ATMARK", "TCP_NOOPT", "TCP_NOOPT"),
        [9] = ("TCP_DEFER_ACCEPT", "TCP_NOSYNRETRIES", null, null),
        [10] = ("TCP_WINDOW_CLAMP", "TCP_TIMESTAMPS", null, null),
        [11] = ("TCP_INFO", "TCP_OFFLOAD_PREFERENCE", null, null),
        [12] = ("TCP_QUICKACK", "TCP_CONGESTION_ALGORITHM", null, null),
        [13] = ("TCP_CONGESTION", "TCP_DELAY_FIN_ACK", null, null),
        [14] = ("TCP_MD5SIG", "TCP_MAXRTMS", null, null),
        [15] = (null, "TCP_FASTOPEN", null, null),
        [16] = ("TCP_THIN_LINEAR_TIMEOUTS", "TCP_KEEPCNT", "TCP_KEEPALIVE", "TCP_MD5SIG"),
        [17] = ("TCP_THIN_DUPACK", "TCP_KEEPINTVL", null, null),
        [18] = ("TCP_USER_TIMEOUT", "TCP_FAIL_CONNECT_ON_ICMP_ERROR", null, null),
        [19] = ("TCP_REPAIR", "TCP_ICMP_ERROR_INFO", null, null),
        [20] = ("TCP_REPAIR_QUEUE", null, null, null),
        [21] = ("TCP_QUEUE_SEQ", null, null, null),
        [22] = ("TCP_REPAIR_OPTIONS", null, null, null),
        [23] = ("TCP_FASTOPEN", null, null, null),
        [24] = ("TCP_TIMESTAMP", null, null, null),
        [25] = ("TCP_NOTSENT_LOWAT", null, null, null),
        [26] = ("TCP_CC_INFO", null, null, null),
        [27] = ("TCP_SAVE_SYN", null, null, null),
        [28] = ("TCP_SAVED_SYN", null, null, null),
        [29] = ("TCP_REPAIR_WINDOW", null, null, null),
        [30] = ("TCP_FASTOPEN_CONNECT", null, null, null),
        [31] = ("TCP_ULP", null, null, null),
        [32] = ("TCP_MD5SIG_EXT", null, "TCP_CONNECTIONTIMEOUT", "TCP_INFO"),
        [33] = ("TCP_FASTOPEN_KEY", null, null, "TCP_STATS"),
        [34] = ("TCP_FASTOPEN_NO_COOKIE", null, null, "TCP_LOG"),
        [35] = ("TCP_ZEROCOPY_RECEIVE", null, null, "TCP_LOGBUF"),
        [36] = ("TCP_INQ", null, null, "TCP_LOGID"),
        [37] = ("TCP_TX_DELAY", null, null, "TCP_LOGDUMP"),
        [38] = ("TCP_AO_ADD_KEY", null, null, "TCP_LOGDUMPID"),
        [39] = ("TCP_AO_DEL_KEY", null, null, "TCP_TXTLS_ENABLE"),
        [40] = ("TCP_AO_INFO", null, null, "TCP_TXTLS_MODE"),
        [41] = ("TCP_AO_GET_KEYS", null, null, "TCP_RXTLS_ENABLE"),
        [42] = ("TCP_AO_REPAIR", null, null, "TCP_RXTLS_MODE"),
        [43] = ("TCP_IS_MPTCP", null, null, "TCP_IWND_NB"),
        [44] = ("TCP_RTO_MAX_MS", null, null, "TCP_IWND_NSEG"),
        [45] = ("TCP_RTO_MIN_US", null, null, "TCP_USE_DDP"),
        [46] = ("TCP_DELACK_MAX_US", null, null, "TCP_LOGID_CNT"),
        [47] = (null, null, null, "TCP_LOG_TAG"),
        [48] = (null, null, null, "TCP_USER_LOG"),
        [64] = (null, null, "PERSIST_TIMEOUT", "TCP_CONGESTION"),
        [65] = (null, null, null, "TCP_CCALGOOPT"),
        [68] = (null, null, null, "TCP_MAXUNACKTIME"),
        [69] = (null, null, null, "TCP_MAXPEAKRATE"),
        [70] = (null, null, null, "TCP_IDLE_REDUCE"),
        [71] = (null, null, null, "TCP_REMOTE_UDP_ENCAPS_PORT"),
        [72] = (null, null, null, "TCP_DELACK"),
        [73] = (null, null, null, "TCP_FIN_IS_RST"),
        [74] = (null, null, null, "TCP_LOG_LIMIT"),
        [75] = (null, null, null, "TCP_SHARED_CWND_ALLOWED"),
        [76] = (null, null, null, "TCP_PROC_ACCOUNTING"),
        [77] = (null, null, null, "TCP_USE_CMP_ACKS"),
        [78] = (null, null, null, "TCP_PERF_INFO"),
        [79] = (null, null, null, "TCP_LRD"),
        [128] = (null, null, "TCP_RXT_CONNDROPTIME", "TCP_KEEPINIT"),
        [256] = (null, null, "TCP_RXT_FINDROP", "TCP_KEEPIDLE"),
        [257] = (null, null, "TCP_KEEPINTVL", null),
        [258] = (null, null, "TCP_KEEPCNT", null),
        [259] = (null, null, "TCP_SENDMOREACKS", null),
        [260] = (null, null, "TCP_ENABLE_ECN", null),
        [261] = (null, null, "TCP_FASTOPEN", null),
        [262] = (null, null, "TCP_CONNECTION_INFO", null),
        [512] = (null, null, null, "TCP_KEEPINTVL"),
        [513] = (null, null, "TCP_NOTSENT_LOWAT", null),
        [1024] = (null, null, null, "TCP_KEEPCNT"),
        [1025] = (null, null, null, "TCP_FASTOPEN"),
        [1026] = (null, null, null, "TCP_REUSPORT_LB_NUMA"),
        [1050] = (null, null, null, "TCP_RACK_MBUF_QUEUE"),
        [1052] = (null, null, null, "TCP_RACK_TLP_REDUCE"),
        [1054] = (null, null, null, "TCP_RACK_PACE_MAX_SEG"),
        [1055] = (null, null, null, "TCP_RACK_PACE_ALWAYS"),
        [1057] = (null, null, null, "TCP_RACK_PRR_SENDALOT"),
        [1058] = (null, null, null, "TCP_RACK_MIN_TO"),
        [1060] = (null, null, null, "TCP_RACK_EARLY_SEG"),
        [1061] = (null, null, null, "TCP_RACK_REORD_THRESH"),
        [1062] = (null, null, null, "TCP_RACK_REORD_FADE"),
        [1063] = (null, null, null, "TCP_RACK_TLP_THRESH"),
        [1064] = (null, null, null, "TCP_RACK_PKT_DELAY"),
        [1067] = (null, null, null, "TCP_BBR_IWINTSO"),
        [1069] = (null, null, null, "TCP_BBR_STARTUP_PG"),
        [1070] = (null, null, null, "TCP_BBR_DRAIN_PG"),
        [1072] = (null, null, null, "TCP_BBR_PROBE_RTT_INT"),
        [1074] = (null, null, null, "TCP_BBR_STARTUP_LOSS_EXIT"),
        [1076] = (null, null, null, "TCP_BBR_TSLIMITS"),
        [1077] = (null, null, null, "TCP_BBR_PACE_OH"),
        [1079] = (null, null, null, "TCP_BBR_USEDEL_RATE"),
        [1080] = (null, null, null, "TCP_BBR_MIN_RTO"),
        [1081] = (null, null, null, "TCP_BBR_MAX_RTO"),
        [1083] = (null, null, null, "TCP_BBR_ALGORITHM"),
        [1086] = (null, null, null, "TCP_BBR_PACE_PER_SEC"),
        [1087] = (null, null, null, "TCP_BBR_PACE_DEL_TAR"),
        [1088] = (null, null, null, "TCP_BBR_PACE_SEG_MAX"),
        [1089] = (null, null, null, "TCP_BBR_PACE_SEG_MIN"),
        [1090] = (null, null, null, "TCP_BBR_PACE_CROSS"),
        [1095] = (null, null, null, "TCP_RACK_TLP_USE"),
        [1096] = (null, null, null, "TCP_BBR_TMR_PACE_OH"),
        [1097] = (null, null, null, "TCP_RACK_DO_DETECTION"),
        [1098] = (null, null, null, "TCP_BBR_RACK_RTT_USE"),
        [1099] = (null, null, null, "TCP_BBR_RETRAN_WTSO"),
        [1100] = (null, null, null, "TCP_DATA_AFTER_CLOSE"),
        [1101] = (null, null, null, "TCP_BBR_PROBE_RTT_GAIN"),
        [1102] = (null, null, null, "TCP_BBR_PROBE_RTT_LEN"),
        [1103] = (null, null, null, "TCP_BBR_SEND_IWND_IN_TSO"),
        [1104] = (null, null, null, "TCP_BBR_USE_RACK_RR"),
        [1105] = (null, null, null, "TCP_BBR_HDWR_PACE"),
        [1106] = (null, null, null, "TCP_BBR_UTTER_MAX_TSO"),
        [1107] = (null, null, null, "TCP_BBR_EXTRA_STATE"),
        [1108] = (null, null, null, "TCP_BBR_FLOOR_MIN_TSO"),
        [1109] = (null, null, null, "TCP_BBR_MIN_TOPACEOUT"),
        [1110] = (null, null, null, "TCP_BBR_TSTMP_RAISES"),
        [1111] = (null, null, null, "TCP_BBR_POLICER_DETECT"),
        [1112] = (null, null, null, "TCP_BBR_RACK_INIT_RATE"),
        [1113] = (null, null, null, "TCP_RACK_RR_CONF"),
        [1114] = (null, null, null, "TCP_RACK_GP_INCREASE_CA"),
        [1115] = (null, null, null, "TCP_RACK_GP_INCREASE_SS"),
        [1116] = (null, null, null, "TCP_RACK_GP_INCREASE_REC"),
        [1117] = (null, null, null, "TCP_RACK_FORCE_MSEG"),
        [1118] = (null, null, null, "TCP_RACK_PACE_RATE_CA"),
        [1119] = (null, null, null, "TCP_RACK_PACE_RATE_SS"),
        [1120] = (null, null, null, "TCP_RACK_PACE_RATE_REC"),
        [1122] = (null, null, null, "TCP_NO_PRR"),
        [1123] = (null, null, null, "TCP_RACK_NONRXT_CFG_RATE"),
        [1124] = (null, null, null, "TCP_SHARED_CWND_ENABLE"),
        [1125] = (null, null, null, "TCP_TIMELY_DYN_ADJ"),
        [1126] = (null, null, null, "TCP_RACK_NO_PUSH_AT_MAX"),
        [1127] = (null, null, null, "TCP_RACK_PACE_TO_FILL"),
        [1128] = (null, null, null, "TCP_SHARED_CWND_TIME_LIMIT"),
        [1129] = (null, null, null, "TCP_RACK_PROFILE"),
        [1130] = (null, null, null, "TCP_HDWR_RATE_CAP"),
        [1131] = (null, null, null, "TCP_PACING_RATE_CAP"),
        [1132] = (null, null, null, "TCP_HDWR_UP_ONLY"),
        [1133] = (null, null, null, "TCP_RACK_ABC_VAL"),
        [1134] = (null, null, null, "TCP_REC_ABC_VAL"),
        [1135] = (null, null, null, "TCP_RACK_MEASURE_CNT"),
        [1136] = (null, null, null, "TCP_DEFER_OPTIONS"),
        [1138] = (null, null, null, "TCP_RACK_PACING_BETA"),
        [1139] = (null, null, null, "TCP_RACK_PACING_BETA_ECN"),
        [1140] = (null, null, null, "TCP_RACK_TIMER_SLOP"),
        [1141] = (null, null, null, "TCP_RACK_DSACK_OPT"),
        [1142] = (null, null, null, "TCP_RACK_ENABLE_HYSTART"),
        [1143] = (null, null, null, "TCP_RACK_SET_RXT_OPTIONS"),
        [1144] = (null, null, null, "TCP_RACK_HI_BETA"),
        [1145] = (null, null, null, "TCP_RACK_SPLIT_LIMIT"),
        [1146] = (null, null, null, "TCP_RACK_PACING_DIVISOR"),
        [1147] = (null, null, null, "TCP_RACK_PACE_MIN_SEG"),
        [1148] = (null, null, null, "TCP_RACK_DGP_IN_REC"),
        [1150] = (null, null, null, "TCP_HYBRID_PACING"),
        [1151] = (null, null, null, "TCP_PACING_DND"),
        [1152] = (null, null, null, "TCP_SS_EEXIT"),
        [1153] = (null, null, null, "TCP_DGP_UPPER_BOUNDS"),
        [1154] = (null, null, null, "TCP_NO_TIMELY"),
        [1155] = (null, null, null, "TCP_HONOR_HPTS_MIN"),
        [1156] = (null, null, null, "TCP_REC_IS_DYN"),
        [1157] = (null, null, null, "TCP_SIDECHAN_DIS"),
        [1158] = (null, null, null, "TCP_FILLCW_RATE_CAP"),
        [1160] = (null, null, null, "TCP_STACK_SPEC_INFO"),
        [1161] = (null, null, null, "RACK_CSPR_IS_FCC"),
        [1162] = (null, null, null, "TCP_GP_USE_LTBW"),
        [2048] = (null, null, null, "TCP_PCAP_OUT"),
        [0x1000] = (null, null, null, "TCP_PCAP_IN"),
        [0x2000] = (null, null, null, "TCP_FUNCTION_BLK"),
        [0x2001] = (null, null, null, "TCP_FUNCTION_ALIAS"),
        [0x7000] = (null, "TCP_BSDURGENT", null, null),

    };

    // The options that decide when a dead peer is noticed: keepalive idle/interval/count (TCP_KEEPALIVE is the idle
    // time on Windows and macOS) and the user timeouts (how long unacknowledged data may wait).
    private static readonly HashSet<string> KeepAliveTimings = new() { "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT", "TCP_KEEPALIVE" };
    private static readonly HashSet<string> UserTimeouts = new() { "TCP_USER_TIMEOUT", "TCP_MAXRT", "TCP_MAXRTMS", "TCP_RXT_CONNDROPTIME", "TCP_MAXUNACKTIME" };

    /// <summary>
    /// The numbers <c>SetSocketOption(SocketOptionLevel.Tcp, …)</c> maps per OS on Unix (NoDelay, TcpKeepAliveTime,
    /// FastOpen, TcpKeepAliveRetryCount, TcpKeepAliveInterval: .NET's <c>TryGetPlatformSocketOption</c>); any other
    /// number throws OperationNotSupported there while Windows passes it to Winsock unchanged.
    /// </summary>
    private static readonly HashSet<int> MappedOnUnix = new() { 1, 3, 15, 16, 17 };

    /// <summary>The option <paramref name="name"/> is on <paramref name="family"/> (a single family), or null.</summary>
    public static string? Meaning(int name, OsFamily family) =>
        All.TryGetValue(name, out var meaning)
            ? family switch
            {
                OsFamily.Windows => meaning.Windows,
                OsFamily.Linux => meaning.Linux,
                OsFamily.Apple => meaning.Apple,
                OsFamily.FreeBsd => meaning.FreeBsd,
                _ => null,
            }
            : null;

    /// <summary>On some OS the number is a keepalive timing or a user timeout: code that writes it means dead-peer detection.</summary>
    public static bool IsDeadPeerOption(int name) =>
        All.TryGetValue(name, out var m) && (IsDeadPeerName(m.Linux) || IsDeadPeerName(m.Windows) || IsDeadPeerName(m.Apple) || IsDeadPeerName(m.FreeBsd));

    /// <summary>
    /// A raw number that is a user timeout on some OS. Every OS's number counts: no <c>SocketOptionName</c> member sets a
    /// user timeout, so raw numbers are how code sets it everywhere.
    /// </summary>
    public static bool IsUserTimeout(int name) =>
        All.TryGetValue(name, out var m) && (IsIn(UserTimeouts, m.Linux) || IsIn(UserTimeouts, m.Windows) || IsIn(UserTimeouts, m.Apple) || IsIn(UserTimeouts, m.FreeBsd));

    /// <summary>
    /// A raw number that is a keepalive timing on Linux. Only Linux's count: elsewhere the timings have
    /// <c>SocketOptionName</c> members .NET maps, and the same numbers raw are other options on Linux (3 is TCP_CORK).
    /// </summary>
    public static bool IsKeepAliveTiming(int name) => All.TryGetValue(name, out var m) && IsIn(KeepAliveTimings, m.Linux);

    /// <summary>
    /// A dead-peer option number that <c>SetSocketOption(Tcp, (SocketOptionName)n, …)</c> hands to Winsock unchanged but
    /// that .NET has no mapping for on Unix, where it throws: the usual slip when Linux C code (TCP_KEEPIDLE 4) is
    /// translated to C#.
    /// </summary>
    public static bool IsWindowsPassThrough(int name) => IsDeadPeerOption(name) && !MappedOnUnix.Contains(name);

    /// <summary>True when the raw option can land on an OS where the number means another option, or none.</summary>
    public static bool IsMisreadOn(int name, OsFamily where)
    {
        // Linux, Windows and macOS are judged: .NET ships for them (FreeBSD's names are listed for the table's sake).
        var main = where & (OsFamily.Windows | OsFamily.Linux | OsFamily.Apple);
        string? first = null;
        var count = 0;
        foreach (var family in new[] { OsFamily.Linux, OsFamily.Windows, OsFamily.Apple })
        {
            if ((main & family) == 0)
            {
                continue;
            }

            var meaning = Meaning(name, family);
            if (meaning is null || count > 0 && meaning != first)
            {
                return true;
            }

            first = meaning;
            count++;
        }

        return false;
    }

    /// <summary>"TCP_USER_TIMEOUT on Linux, TCP_FAIL_CONNECT_ON_ICMP_ERROR on Windows and no option on macOS".</summary>
    public static string Describe(int name, OsFamily where)
    {
        var parts = new List<string>();
        foreach (var family in new[] { OsFamily.Linux, OsFamily.Windows, OsFamily.Apple })
        {
            if ((where & family) != 0)
            {
                parts.Add(Spelled(Meaning(name, family)) + " on " + family.DisplayName());
            }
        }

        return parts.Count switch
        {
            0 => "an option that depends on the OS",
            1 => parts[0],
            _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
        };
    }

    /// <summary>An option's name as a message spells it: TCP_KEEPALIVE says what it is, since Linux's is named otherwise.</summary>
    public static string Spelled(string? option) => option switch
    {
        null => "no option",
        "TCP_KEEPALIVE" => "TCP_KEEPALIVE (keepalive idle time)",
        _ => option,
    };

    private static bool IsDeadPeerName(string? option) => IsIn(KeepAliveTimings, option) || IsIn(UserTimeouts, option);

    private static bool IsIn(HashSet<string> names, string? option) => option is not null && names.Contains(option);
}
