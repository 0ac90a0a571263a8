using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KeepAliveAnalyzers.Engine.Sockets;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>
/// <c>TcpOptionNumbers.All</c> is docs/socket-options.md §1.5: the same numbers with the same name per OS, entry for
/// entry, both ways.
/// </summary>
public class OptionNumberTableTests
{
    private const string SectionHeading = "### 1.5";

    /// <summary>FreeBSD's <c>TCP_VENDOR</c>: the start of the third-party range, in the doc's table but left out of the code.</summary>
    private const long VendorBase = 0x80000000;

    private static readonly string DocumentPath = Path.Combine(RepositoryFiles.Root, "docs", "socket-options.md");

    private static readonly Lazy<IReadOnlyDictionary<long, Row>> DocumentTable = new(() => Parse(File.ReadAllText(DocumentPath)));

    [Fact]
    public void The_code_table_equals_the_doc_table()
    {
        var doc = DocumentTable.Value;
        var code = TcpOptionNumbers.All.ToDictionary(entry => (long)entry.Key, entry => new Row(entry.Value.Linux, entry.Value.Windows, entry.Value.Apple, entry.Value.FreeBsd));

        var mismatches = new List<string>();
        foreach (var number in doc.Keys.Union(code.Keys).OrderBy(n => n))
        {
            var inDoc = doc.TryGetValue(number, out var docRow);
            var inCode = code.TryGetValue(number, out var codeRow);
            if (!inCode)
            {
                mismatches.Add($"{number}: doc {docRow}, not in TcpOptionNumbers.All");
            }
            else if (!inDoc)
            {
                mismatches.Add($"{number}: code {codeRow}, not in docs/socket-options.md §1.5");
            }
            else if (docRow != codeRow)
            {
                mismatches.Add($"{number}: doc {docRow}, code {codeRow}");
            }
        }

        Assert.True(mismatches.Count == 0,
            $"TcpOptionNumbers.All and docs/socket-options.md §1.5 differ in {mismatches.Count} numbers (Linux, Windows, macOS, FreeBSD):\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void The_doc_table_parses_to_the_known_rows()
    {
        var doc = DocumentTable.Value;
        Assert.True(doc.Count > 100, $"Only {doc.Count} rows parsed from §1.5");
        Assert.Equal(new Row("TCP_NODELAY", "TCP_NODELAY", "TCP_NODELAY", "TCP_NODELAY"), doc[1]);
        Assert.Equal(new Row("TCP_KEEPIDLE", "TCP_MAXSEG", "TCP_NOPUSH", "TCP_NOPUSH"), doc[4]);
        Assert.Equal(new Row("TCP_USER_TIMEOUT", "TCP_FAIL_CONNECT_ON_ICMP_ERROR", null, null), doc[18]);
        Assert.Equal(new Row(null, null, "TCP_RXT_CONNDROPTIME", "TCP_KEEPINIT"), doc[0x80]);
        Assert.Equal(new Row(null, null, null, "TCP_RACK_MBUF_QUEUE"), doc[1050]);
        Assert.Equal(new Row(null, "TCP_BSDURGENT", null, null), doc[0x7000]);
        Assert.False(doc.ContainsKey(1051), "1051 is unused in FreeBSD main");
        Assert.False(doc.ContainsKey(VendorBase), "TCP_VENDOR is left out");
    }

    [Fact]
    public void The_code_table_has_the_known_rows()
    {
        Assert.Equal(("TCP_KEEPIDLE", "TCP_MAXSEG", "TCP_NOPUSH", "TCP_NOPUSH"), TcpOptionNumbers.All[4]);
        Assert.Equal(("TCP_USER_TIMEOUT", "TCP_FAIL_CONNECT_ON_ICMP_ERROR", (string?)null, (string?)null), TcpOptionNumbers.All[18]);
        Assert.Equal(((string?)null, (string?)null, "TCP_RXT_CONNDROPTIME", "TCP_KEEPINIT"), TcpOptionNumbers.All[0x80]);
    }

    [Fact]
    public void The_parser_reads_ranges_hex_notes_and_skips_the_vendor_row()
    {
        var markdown = string.Join("\n",
            "## 1. Something",
            "| n | not | this | table | here |",
            "|---|---|---|---|---|",
            "| 99 | NOT_THIS | — | — | — |",
            "",
            "### 1.5 Every TCP-level option number, per OS",
            "",
            "Text before the table.",
            "",
            "| n | Linux `tcp.h` | Windows `ws2ipdef.h` | macOS `tcp.h` | FreeBSD `tcp.h` |",
            "|---|---|---|---|---|",
            "| 4 | TCP_KEEPIDLE | TCP_MAXSEG (alias, see notes) | `TCP_NOPUSH` | TCP_NOPUSH |",
            "| 0x80 | — | — | TCP_RXT_CONNDROPTIME | TCP_KEEPINIT (since 4.x) |",
            "| 1050–1054 | — | — | — | 1050 TCP_RACK_MBUF_QUEUE, 1052 TCP_RACK_TLP_REDUCE (one, two), 1054 TCP_RACK_PACE_MAX_SEG |",
            "| 0x80000000 | — | — | — | TCP_VENDOR |",
            "Notes on the table:",
            "| 5 | AFTER_THE_TABLE | — | — | — |");

        var table = Parse(markdown);

        Assert.Equal(new long[] { 4, 0x80, 1050, 1052, 1054 }, table.Keys.OrderBy(n => n));
        Assert.Equal(new Row("TCP_KEEPIDLE", "TCP_MAXSEG", "TCP_NOPUSH", "TCP_NOPUSH"), table[4]);
        Assert.Equal(new Row(null, null, "TCP_RXT_CONNDROPTIME", "TCP_KEEPINIT"), table[0x80]);
        Assert.Equal(new Row(null, null, null, "TCP_RACK_TLP_REDUCE"), table[1052]);
        Assert.Equal(new Row(null, null, null, "TCP_RACK_PACE_MAX_SEG"), table[1054]);
    }

    [Theory]
    [InlineData("| 1050–1054 | — | — | — | 1050 TCP_A, 1056 TCP_B |", "outside")]
    [InlineData("| 1050–1054 | — | — | — | 1050 TCP_A, … |", "not 'number NAME'")]
    [InlineData("| 7 | TCP_A or TCP_B | — | — | — |", "not an option name")]
    [InlineData("| 7 | TCP_A | — | — |", "4 columns")]
    [InlineData("| seven | TCP_A | — | — | — |", "not a number")]
    [InlineData("| 7 | TCP_A | — | — | — |\n| 7 | TCP_B | — | — | — |", "twice")]
    public void The_parser_rejects_what_it_cannot_read(string rows, string expected)
    {
        var markdown = "### 1.5 Numbers\n\n| n | Linux | Windows | macOS | FreeBSD |\n|---|---|---|---|---|\n" + rows + "\n";
        var error = Assert.Throws<FormatException>(() => Parse(markdown));
        Assert.Contains(expected, error.Message);
    }

    /// <summary>One number's option name on Linux, Windows, macOS and FreeBSD; null where the OS defines none.</summary>
    internal sealed record Row(string? Linux, string? Windows, string? Apple, string? FreeBsd)
    {
        public override string ToString() => $"({Show(Linux)}, {Show(Windows)}, {Show(Apple)}, {Show(FreeBsd)})";

        private static string Show(string? name) => name ?? "—";
    }

    /// <summary>
    /// The table of §1.5 in <paramref name="markdown"/>: from the first table row after the heading to the first line
    /// that is not a table row. Throws <see cref="FormatException"/> on anything it cannot read, so a change of format
    /// fails the test instead of silently dropping rows.
    /// </summary>
    internal static IReadOnlyDictionary<long, Row> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var heading = Array.FindIndex(lines, line => line.StartsWith(SectionHeading + " ", StringComparison.Ordinal));
        if (heading < 0)
        {
            throw new FormatException($"No '{SectionHeading}' heading.");
        }

        var start = Array.FindIndex(lines, heading + 1, IsTableRow);
        if (start < 0)
        {
            throw new FormatException($"No table after '{lines[heading]}'.");
        }

        var header = Cells(lines[start]);
        var expectedHeader = new[] { "n", "Linux", "Windows", "macOS", "FreeBSD" };
        if (header.Count != expectedHeader.Length || !header.Zip(expectedHeader, (cell, word) => cell == word || cell.StartsWith(word + " ", StringComparison.Ordinal)).All(ok => ok))
        {
            throw new FormatException($"Header '{lines[start]}' is not 'n | Linux | Windows | macOS | FreeBSD'.");
        }

        if (start + 1 >= lines.Length || !Regex.IsMatch(lines[start + 1], @"^\s*\|(\s*:?-+:?\s*\|)+\s*$"))
        {
            throw new FormatException($"No separator row under '{lines[start]}'.");
        }

        var table = new Dictionary<long, Row>();
        for (var i = start + 2; i < lines.Length && IsTableRow(lines[i]); i++)
        {
            var at = $"line {i + 1} '{lines[i]}'";
            var cells = Cells(lines[i]);
            if (cells.Count != 5)
            {
                throw new FormatException($"{at}: {cells.Count} columns, not 5.");
            }

            foreach (var (number, row) in ParseRow(cells, at))
            {
                if (number == VendorBase && row == new Row(null, null, null, "TCP_VENDOR"))
                {
                    continue; // deliberately not in the code
                }

                if (!table.TryAdd(number, row))
                {
                    throw new FormatException($"{at}: {number} is in the table twice.");
                }
            }
        }

        return table;
    }

    private static IEnumerable<(long Number, Row Row)> ParseRow(IReadOnlyList<string> cells, string at)
    {
        var numberCell = Clean(cells[0]);
        var range = Regex.Match(numberCell, @"^(?<from>\S+)\s*[–—-]\s*(?<to>\S+)$");
        if (!range.Success)
        {
            var number = Number(numberCell, at);
            var names = cells.Skip(1).Select(cell => Name(cell, at)).ToList();
            return new[] { (number, new Row(names[0], names[1], names[2], names[3])) };
        }

        // A range row: each OS cell is "—" or a list "1050 NAME, 1052 NAME, …" of numbers inside the range.
        var from = Number(range.Groups["from"].Value, at);
        var to = Number(range.Groups["to"].Value, at);
        if (from >= to)
        {
            throw new FormatException($"{at}: range {numberCell} is empty.");
        }

        var rows = new SortedDictionary<long, string?[]>();
        for (var os = 0; os < 4; os++)
        {
            var cell = Clean(cells[os + 1]);
            if (IsNone(cell))
            {
                continue;
            }

            foreach (var entry in cell.Split(',').Select(e => e.Trim()))
            {
                var match = Regex.Match(entry, @"^(?<n>\S+)\s+(?<name>\S+)$");
                if (!match.Success)
                {
                    throw new FormatException($"{at}: '{entry}' is not 'number NAME'.");
                }

                var number = Number(match.Groups["n"].Value, at);
                if (number < from || number > to)
                {
                    throw new FormatException($"{at}: {number} is outside {numberCell}.");
                }

                var names = rows.TryGetValue(number, out var existing) ? existing : rows[number] = new string?[4];
                if (names[os] is not null)
                {
                    throw new FormatException($"{at}: {number} is listed twice in one column.");
                }

                names[os] = Name(match.Groups["name"].Value, at) ?? throw new FormatException($"{at}: '{entry}' has no name.");
            }
        }

        return rows.Select(r => (r.Key, new Row(r.Value[0], r.Value[1], r.Value[2], r.Value[3])));
    }

    private static bool IsTableRow(string line) => line.TrimStart().StartsWith("|", StringComparison.Ordinal);

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.EndsWith("|", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 1);
        }

        return trimmed.Substring(1).Split('|').Select(cell => cell.Trim()).ToList();
    }

    /// <summary>A cell without its notes in parentheses and without markdown emphasis or code quotes.</summary>
    private static string Clean(string cell)
    {
        var text = cell;
        string previous;
        do
        {
            previous = text;
            text = Regex.Replace(text, @"\s*\([^()]*\)", "");
        }
        while (text != previous);

        return text.Replace("`", "").Replace("*", "").Trim();
    }

    private static bool IsNone(string cleaned) => cleaned is "—" or "–" or "-" or "";

    private static string? Name(string cell, string at)
    {
        var cleaned = Clean(cell);
        if (IsNone(cleaned))
        {
            return null;
        }

        return Regex.IsMatch(cleaned, "^[A-Z][A-Z0-9_]*$")
            ? cleaned
            : throw new FormatException($"{at}: '{cell}' is not an option name.");
    }

    private static long Number(string text, string at)
    {
        var cleaned = Clean(text);
        var ok = cleaned.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(cleaned.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : long.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new FormatException($"{at}: '{text}' is not a number.");
    }
}
